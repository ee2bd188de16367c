import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { APPRAISAL_READERS } from "@/server/domain/appraisal/appraisal.policy";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { pageOf } from "@/components/ui/page-of";
import { YearEndRows } from "@/components/appraisal/year-end-rows";
import { buttonClass } from "@/components/ui/button";
import { PeriodSelect, yearOf } from "@/components/appraisal/period-select";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("appraisalYearEnd", "tableTitle");

// The whole department is ranked by the procedure; one page of the ranking is sent.
const PAGE_SIZE = 50;

export default async function YearEndPage({ searchParams }: { searchParams: Promise<{ year?: string; page?: string }> }) {
  await requireRoles(APPRAISAL_READERS);
  const sp = await searchParams;
  const year = yearOf(sp.year);
  const t = await getTranslations("appraisalYearEnd");
  const ts = await getTranslations("appraisalStats");
  const ta = await getTranslations("appraisal");
  const table = await (await api()).appraisal.reports.yearEndTable({ year });
  const missing = t("missing");
  const page = pageOf(sp.page, PAGE_SIZE, table.rows.length);
  const rows = table.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <>
      <PageHeader
        crumbs={`${ta("crumbs")} / ${t("title")}`}
        title={`${t("tableTitle")} · ${year}`}
        subtitle={t("subtitle")}
        actions={
          <>
            <PeriodSelect year={year} />
            <a className={buttonClass("secondary")} href={`/api/appraisal/export?table=annual&year=${year}&format=xlsx`}>
              {ts("exportXlsx")}
            </a>
            <a className={buttonClass("secondary")} href={`/api/appraisal/export?table=annual&year=${year}&format=csv`}>
              {ts("exportCsv")}
            </a>
          </>
        }
      />
      {table.rows.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <Table caption={t("tableTitle")}>
            <thead>
              <tr>
                <Th className="text-right">{t("colRank")}</Th>
                <Th>{t("colName")}</Th>
                {Array.from({ length: 12 }, (_, m) => (
                  <Th key={m} className="px-1.5 text-right">
                    {t("colMonth", { month: m + 1 })}
                  </Th>
                ))}
                <Th className="text-right">{t("colChecks")}</Th>
                <Th className="text-right">{t("colMonthly")}</Th>
                <Th className="text-right">{t("colYearEnd")}</Th>
                <Th className="text-right">{t("colTotal")}</Th>
                <Th className="text-right">{t("colPending")}</Th>
              </tr>
            </thead>
            <YearEndRows rows={rows} year={year} labels={{ missing, outstanding: t("outstanding"), missingParts: t.raw("missingParts") as string, parts: t.raw("parts") as Record<string, string> }} />
          </Table>
          {table.rows.length > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={table.rows.length} params={{ year: String(year) }} />}
        </>
      )}
      <p className="mt-2 text-xs text-slate-500">{t("roundingNote")}</p>
    </>
  );
}
