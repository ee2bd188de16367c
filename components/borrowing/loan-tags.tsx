import { useTranslations } from "next-intl";
import { Tag } from "@/components/ui/tag";

/** A file's return check on the slip: 完整, 不完整 with what was missing, or nothing before the return. */
export function LoanReturnCheckTag({ check, note }: { check: "complete" | "incomplete" | null; note: string | null }) {
  const t = useTranslations("loans");
  if (!check) return <span className="text-slate-400">—</span>;
  if (check === "complete") return <Tag tone="green">{t("checkComplete")}</Tag>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="check-incomplete">
      <Tag tone="red">{t("checkIncomplete")}</Tag>
      {note && <span className="text-xs text-red-700">{note}</span>}
    </span>
  );
}
