import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { LOAN_STATS_READERS } from "@/server/domain/statistics/statistics.policy";
import { periodFromParams } from "@/server/domain/statistics/statistics.schema";
import { monthsBefore, shanghaiMonthOf } from "@/server/domain/statistics/months";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CountChart } from "@/components/complaints/bar-chart";
import { SeriesChart } from "@/components/statistics/series-chart";
import { StatsTable } from "@/components/statistics/count-table";
import { PeriodFilter } from "@/components/statistics/period-filter";
import { Figure } from "@/components/statistics/figure";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("statistics", "loans.title");

type Search = Record<string, string | string[] | undefined>;

// 借阅统计 (issue 9 §3): the register's readers; the procedure checks the role again.
export default async function LoanStatisticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRoles(LOAN_STATS_READERS);
  const thisMonth = shanghaiMonthOf(new Date());
  const period = periodFromParams(await searchParams, thisMonth, monthsBefore(thisMonth, 11));
  const [t, tb, tn] = await Promise.all([getTranslations("statistics"), getTranslations("borrowType"), getTranslations("nav")]);
  const s = await (await api()).statistics.loans(period);
  const typeLabel = (n: string) => tb(n as "copy");
  return (
    <>
      <PageHeader crumbs={`${tn("borrowing")} / ${t("loans.title")}`} title={t("loans.title")} subtitle={t("loans.subtitle")} />
      <PeriodFilter from={s.from} to={s.to} projectId={s.projectId} projects={s.projects} exportBase="/api/statistics/loans/export" />
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        <Figure label={t("loans.lent")} value={s.lent} testId="stat-lent" />
        <Figure label={t("loans.returned")} value={s.returned} testId="stat-returned" />
        <Figure label={t("loans.overdue")} value={s.overdue} alert={s.overdue > 0} testId="stat-overdue" />
        <Figure label={t("loans.averageDaysOut")} value={s.averageDaysOut ?? "—"} testId="stat-average" />
        <Figure label={t("loans.overdueRate")} value={s.overdueRate.percent === null ? "—" : `${s.overdueRate.percent}%`} hint={t("loans.overdueRateHint")} testId="stat-overdue-rate" />
      </div>
      {s.lent + s.returned + s.overdue === 0 ? (
        <EmptyState>{t("noData")}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card title={t("loans.byMonth")} className="lg:col-span-2">
            <SeriesChart
              label={t("loans.byMonth")}
              categories={s.byMonth.map((m) => m.month)}
              series={[
                { name: t("loans.lent"), data: s.byMonth.map((m) => m.lent), color: "#2563eb" },
                { name: t("loans.returned"), data: s.byMonth.map((m) => m.returned), color: "#059669" },
                { name: t("loans.overdue"), data: s.byMonth.map((m) => m.overdue), color: "#dc2626" },
              ]}
            />
            <StatsTable caption={t("loans.byMonth")} header={[t("month"), t("loans.lent"), t("loans.returned"), t("loans.overdue")]} rows={s.byMonth.map((m) => [m.month, m.lent, m.returned, m.overdue])} testId="table-by-month" />
          </Card>
          <Card title={t("loans.byType")}>
            <CountChart items={s.byType.map((i) => ({ name: typeLabel(i.name), count: i.count }))} label={t("loans.byType")} />
            <StatsTable caption={t("loans.byType")} header={[t("name"), t("count")]} rows={s.byType.map((i) => [typeLabel(i.name), i.count])} testId="table-by-type" />
          </Card>
          <Card title={t("loans.byClass")}>
            <CountChart items={s.byClass} label={t("loans.byClass")} horizontal />
            <StatsTable caption={t("loans.byClass")} header={[t("name"), t("count")]} rows={s.byClass.map((i) => [i.name, i.count])} testId="table-by-class" />
          </Card>
        </div>
      )}
    </>
  );
}
