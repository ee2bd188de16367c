import { Printer } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/**
 * 打印: opens the record's A4 PDF in a new tab. A plain link (works before hydration); the PDF
 * route checks the role again, so showing it is not the protection. A list form's page passes
 * its filters as `query` (the form's own parameter names), so the paper is the list on screen.
 */
export async function PrintButton({ form, id, label, query }: { form: string; id: string; label?: string; query?: Record<string, string | undefined> }) {
  const t = await getTranslations("print");
  const qs = new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => !!e[1])).toString();
  return (
    <a href={`/api/print/${form}/${id}${qs ? `?${qs}` : ""}`} target="_blank" rel="noopener" className={buttonClass("secondary", "md")} title={t("printTitle")} data-testid="print-button" data-form={form}>
      <Printer className="mr-1 inline h-4 w-4" aria-hidden />
      {label ?? t("print")}
    </a>
  );
}
