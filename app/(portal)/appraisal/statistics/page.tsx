import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { APPRAISAL_READERS } from "@/server/domain/appraisal/appraisal.policy";
import { DEFAULT_TEMPLATES, DIMENSIONS } from "@/server/domain/appraisal/dimensions";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { buttonClass } from "@/components/ui/button";
import { MonthlyRecordRows } from "@/components/appraisal/monthly-record-rows";
import { PeriodSelect, yearOf } from "@/components/appraisal/period-select";
import { TrendChart } from "@/components/appraisal/trend-chart";
import { PrintButton } from "@/components/print/print-button";
import { Pagination } from "@/components/ui/pagination";
import { pageOf } from "@/components/ui/page-of";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("appraisalStats", "title");

// A department has a couple of hundred people: the ranking and the month's records are paged here
// (the procedure computes the whole ranking from its aggregates; only one page is sent).
const RANKING_PAGE = 20;
const RECORDS_PAGE = 50;

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<{ year?: string; month?: string; rankPage?: string; page?: string }> }) {
  await requireRoles(APPRAISAL_READERS);
  const sp = await searchParams;
  const year = yearOf(sp.year);
  const m = Number(sp.month);
  const month = Number.isInteger(m) && m >= 1 && m <= 12 ? m : undefined;
  const t = await getTranslations("appraisalStats");
  const ta = await getTranslations("appraisal");
  const ty = await getTranslations("appraisalYearEnd");
  const caller = await api();
  const [s, records] = await Promise.all([caller.appraisal.reports.statistics({ year, month }), month ? caller.appraisal.reports.monthlyRecords({ year, month }) : null]);
  const period = month ? `${year}-${String(month).padStart(2, "0")}` : String(year);
  const maxima = DEFAULT_TEMPLATES.operational.maxima;
  const rankPage = pageOf(sp.rankPage, RANKING_PAGE, s.ranking.length);
  const ranking = s.ranking.slice((rankPage - 1) * RANKING_PAGE, rankPage * RANKING_PAGE);
  const recordsPage = records ? pageOf(sp.page, RECORDS_PAGE, records.length) : 1;
  const shownRecords = records ? records.slice((recordsPage - 1) * RECORDS_PAGE, recordsPage * RECORDS_PAGE) : [];
  const keep = { year: String(year), month: month ? String(month) : undefined };

  return (
    <>
      <PageHeader crumbs={`${ta("crumbs")} / ${t("title")}`} title={`${t("title")} · ${period}`} subtitle={t("subtitle")} actions={
          <div className="flex items-center gap-2">
            <PrintButton form="appraisal-stats" id={period} />
            <PeriodSelect year={year} month={month} withMonth />
          </div>
        }
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("byKind")}>
          <Table caption={t("byKind")}>
            <thead>
              <tr>
                <Th>{t("colKind")}</Th>
                <Th className="text-right">{t("colCount")}</Th>
                <Th className="text-right">{t("colMean")}</Th>
                <Th className="text-right">{t("colMax")}</Th>
                <Th className="text-right">{t("colMin")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {s.byKind.map((k) => (
                <tr key={k.kind}>
                  <Td>{ta(`kinds.${k.kind}`)}</Td>
                  <Td className="text-right tabular-nums">{k.count}</Td>
                  <Td className="text-right tabular-nums">{k.mean ?? "—"}</Td>
                  <Td className="text-right tabular-nums">{k.max ?? "—"}</Td>
                  <Td className="text-right tabular-nums">{k.min ?? "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>

        <Card title={t("dimensions")}>
          {s.count === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <ul className="space-y-3" data-testid="dimension-means">
              {DIMENSIONS.map((d) => {
                const v = s.dimensions[d];
                const pct = v ? Math.min(100, (Number(v) / Number(maxima[d])) * 100) : 0;
                return (
                  <li key={d}>
                    <div className="flex justify-between text-sm">
                      <span>{ta(`dimensionsLong.${d}`)}</span>
                      <span className="tabular-nums">
                        {v ?? "—"} <span className="text-xs text-slate-500">{t("dimensionOf", { max: maxima[d] })}</span>
                      </span>
                    </div>
                    <div className="mt-1 h-2 rounded bg-slate-100">
                      <div className="h-2 rounded bg-brand-600" style={{ width: `${pct}%` }} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>

        <Card title={t("ranking")}>
          {s.ranking.length === 0 ? (
            <EmptyState>{t("noRanking")}</EmptyState>
          ) : (
            <Table caption={t("ranking")}>
              <thead>
                <tr>
                  <Th className="text-right">{t("colRank")}</Th>
                  <Th>{ta("colEmployee")}</Th>
                  <Th className="text-right">{t("colCount")}</Th>
                  <Th className="text-right">{t("colMean")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {ranking.map((r) => (
                  <tr key={r.employee.id}>
                    <Td className="text-right tabular-nums">{r.rank}</Td>
                    <Td>
                      {r.employee.name}
                      {r.outstanding && (
                        <span className="ml-1">
                          <Tag tone="violet">&gt; 100</Tag>
                        </span>
                      )}
                    </Td>
                    <Td className="text-right tabular-nums">{r.count}</Td>
                    <Td className="text-right tabular-nums">{r.mean}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {s.ranking.length > RANKING_PAGE && <Pagination page={rankPage} pageSize={RANKING_PAGE} total={s.ranking.length} params={{ ...keep, page: sp.page }} pageParam="rankPage" />}
        </Card>

        <Card title={`${t("trend")} · ${year}`}>
          <TrendChart
            title={t("trend")}
            monthLabel={(mm) => ty("colMonth", { month: mm })}
            series={[
              { label: t("trendMonthly"), color: "#2563eb", values: s.trend.map((x) => x.monthly) },
              { label: t("trendChecks"), color: "#f59e0b", values: s.trend.map((x) => x.checks) },
            ]}
          />
        </Card>
      </div>

      <section className="mt-6">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-semibold text-slate-800">
            {t("monthlyRecords")} {month ? `· ${period}` : ""}
          </h2>
          {month && (
            <span className="flex gap-2">
              <a className={buttonClass("secondary", "sm")} href={`/api/appraisal/export?table=monthly&year=${year}&month=${month}&format=xlsx`}>
                {t("exportXlsx")}
              </a>
              <a className={buttonClass("secondary", "sm")} href={`/api/appraisal/export?table=monthly&year=${year}&month=${month}&format=csv`}>
                {t("exportCsv")}
              </a>
            </span>
          )}
        </div>
        {!records ? (
          <EmptyState>{t("chooseMonth")}</EmptyState>
        ) : records.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <Table caption={t("monthlyRecords")}>
            <thead>
              <tr>
                <Th>{ta("colEmployee")}</Th>
                <Th>{ta("colDepartment")}</Th>
                {DIMENSIONS.map((d) => (
                  <Th key={d} className="text-right">
                    {ta(`dimensions.${d}`)}
                  </Th>
                ))}
                <Th className="text-right">{ta("colBase")}</Th>
                <Th className="text-right">{ta("colPenalty")}</Th>
                <Th className="text-right">{ta("colCommendation")}</Th>
                <Th className="text-right">{ta("colTotal")}</Th>
                <Th>{ta("colStatus")}</Th>
              </tr>
            </thead>
            <MonthlyRecordRows
              rows={shownRecords}
              labels={{ correction: t("correction"), statuses: { draft: ta("statuses.draft"), scored: ta("statuses.scored"), confirmed: ta("statuses.confirmed"), finalised: ta("statuses.finalised") } }}
            />
          </Table>
        )}
        {records && records.length > RECORDS_PAGE && <Pagination page={recordsPage} pageSize={RECORDS_PAGE} total={records.length} params={{ ...keep, rankPage: sp.rankPage }} />}
      </section>
    </>
  );
}
