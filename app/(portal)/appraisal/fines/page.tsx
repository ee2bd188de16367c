import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { hasAnyRole } from "@/server/auth/roles";
import { shanghaiDay } from "@/server/domain/time";
import { APPRAISAL_READERS, FINE_RECORDERS } from "@/server/domain/appraisal/appraisal.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { Pagination } from "@/components/ui/pagination";
import { FineForm } from "@/components/appraisal/fine-form";
import { PeriodSelect, yearOf } from "@/components/appraisal/period-select";
import { withClientMessages } from "@/components/i18n/client-messages";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("appraisalFines", "title");

async function FinesPage({ searchParams }: { searchParams: Promise<{ year?: string; page?: string }> }) {
  const user = await requireRoles([...APPRAISAL_READERS, ...FINE_RECORDERS]);
  const sp = await searchParams;
  const year = yearOf(sp.year);
  const page = Math.max(1, Number(sp.page) || 1);
  const t = await getTranslations("appraisalFines");
  const ta = await getTranslations("appraisal");
  const caller = await api();
  const isRecorder = hasAnyRole(user.roles, FINE_RECORDERS);
  const [list, people] = await Promise.all([caller.appraisal.fines.list({ year, page }), isRecorder ? caller.appraisal.appraisals.appraisable() : []]);
  return (
    <>
      <PageHeader crumbs={`${ta("crumbs")} / ${t("title")}`} title={t("title")} subtitle={t("subtitle")} actions={<PeriodSelect year={year} />} />
      {isRecorder && (
        <Card title={t("record")} className="mb-4">
          <FineForm people={people.map((p) => ({ id: p.id, name: p.name }))} today={shanghaiDay(new Date())} />
        </Card>
      )}
      <h2 className="mb-2 text-sm font-semibold text-slate-800">
        {t("list")} · {year}
      </h2>
      {list.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <Table caption={t("list")}>
            <thead>
              <tr>
                <Th>{t("colDate")}</Th>
                <Th>{t("colEmployee")}</Th>
                <Th>{t("colRule")}</Th>
                <Th className="text-right">{t("colOccurrence")}</Th>
                <Th className="text-right">{t("colFine")}</Th>
                <Th>{t("colOther")}</Th>
                <Th>{t("colDescription")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap tabular-nums">{r.occurredOn}</Td>
                  <Td className="whitespace-nowrap">{r.employee.name}</Td>
                  <Td className="text-xs">{t("ruleOption", { rule: r.rule, text: t(`rules.${r.rule}` as "rules.1") })}</Td>
                  <Td className="text-right tabular-nums">{r.occurrence}</Td>
                  <Td className="text-right tabular-nums">{t("yuan", { amount: r.fineAmount })}</Td>
                  <Td className="space-x-1 whitespace-nowrap">
                    {r.compensation !== "0.00" && <Tag tone="grey">{`${t("compensation")} ${t("yuan", { amount: r.compensation })}`}</Tag>}
                    {r.suspensionDays > 0 && <Tag tone="amber">{t("suspension", { days: r.suspensionDays })}</Tag>}
                    {r.dismissal && <Tag tone="red">{t("dismissal")}</Tag>}
                  </Td>
                  <Td className="max-w-72 truncate text-xs" title={r.description}>
                    {r.description}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{ year: String(year) }} />
        </>
      )}
    </>
  );
}

export default withClientMessages(["appraisalFines"], FinesPage);
