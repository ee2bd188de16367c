import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireModule } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { formatShanghai } from "@/server/domain/time";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PrintCandidateRows } from "@/components/print/print-candidate-rows";
import { PrintBatchForm } from "@/components/print/print-batch-form";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("print", "title");

// 表单打印 (issue 8): the forms this person may print, recent records of each to print one or
// several as one PDF (a plain GET form: it works before hydration and opens the PDF in a new
// tab), and their own recent prints from the audit log.
export default async function PrintPage() {
  await requireModule("print");
  const t = await getTranslations("print");
  const caller = await api();
  const [{ forms, batchMax }, recent] = await Promise.all([caller.print.forms(), caller.print.recent()]);
  const batchLabels = { printSelected: t("printSelected"), generating: t("generating"), noneSelected: t("noneSelected") };
  const titleOf = new Map(forms.map((f) => [f.key, f.title]));
  return (
    <>
      <PageHeader crumbs={t("crumbs")} title={t("title")} subtitle={t("subtitle")} />
      {forms.length === 0 && <EmptyState>{t("noForms")}</EmptyState>}
      <div className="grid gap-4">
        {forms.map((f) => (
          <Card key={f.key} title={f.title}>
            <p className="mb-1 text-sm text-slate-600">{f.description}</p>
            <p className="mb-3 text-xs text-slate-500">
              {f.where} · {t("selectHint", { max: batchMax })}
            </p>
            {f.candidates.length === 0 ? (
              <EmptyState>{t("noneToSelect")}</EmptyState>
            ) : (
              <PrintBatchForm formKey={f.key} labels={batchLabels}>
                <Table caption={f.title}>
                  <thead>
                    <tr>
                      <Th className="w-12">{t("colSelect")}</Th>
                      <Th>{t("colNumber")}</Th>
                      <Th>{t("colRecord")}</Th>
                      <Th>{t("colState")}</Th>
                      <Th>{t("colDate")}</Th>
                    </tr>
                  </thead>
                  <PrintCandidateRows rows={f.candidates.map((c) => ({ id: c.id, number: c.number, label: c.label, state: c.state, at: formatShanghai(c.at) }))} />
                </Table>
              </PrintBatchForm>
            )}
          </Card>
        ))}
        <Card title={t("recentTitle")}>
          {recent.length === 0 ? (
            <EmptyState>{t("recentEmpty")}</EmptyState>
          ) : (
            <Table caption={t("recentTitle")}>
              <thead>
                <tr>
                  <Th>{t("colAt")}</Th>
                  <Th>{t("colForm")}</Th>
                  <Th>{t("colNumber")}</Th>
                  <Th className="text-right">{t("colPages")}</Th>
                  <Th />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="print-recent">
                {recent.map((r) => (
                  <tr key={r.id} className="hover:bg-slate-50">
                    <Td className="tabular-nums whitespace-nowrap">{formatShanghai(r.at)}</Td>
                    <Td>{titleOf.get(r.form) ?? r.form}</Td>
                    <Td className="font-mono text-xs">{r.number}</Td>
                    <Td className="text-right tabular-nums">{r.batchSize}</Td>
                    <Td className="text-right whitespace-nowrap">
                      {r.canReprint && (
                        <>
                          <Link href={`/print/${r.form}/${r.recordId}`} className="mr-3 text-brand-600 hover:underline">
                            {t("open")}
                          </Link>
                          <a href={`/api/print/${r.form}/${r.recordId}`} target="_blank" rel="noopener" className="text-brand-600 hover:underline">
                            {t("reprint")}
                          </a>
                        </>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
