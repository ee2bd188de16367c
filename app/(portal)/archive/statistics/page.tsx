import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { ARCHIVE_STATS_READERS } from "@/server/domain/statistics/statistics.policy";
import { periodFromParams } from "@/server/domain/statistics/statistics.schema";
import { monthsBefore, shanghaiMonthOf } from "@/server/domain/statistics/months";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { CountChart } from "@/components/complaints/bar-chart";
import { SeriesChart } from "@/components/statistics/series-chart";
import { StatsTable } from "@/components/statistics/count-table";
import { PeriodFilter } from "@/components/statistics/period-filter";
import { Figure } from "@/components/statistics/figure";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("statistics", "archive.title");

type Search = Record<string, string | string[] | undefined>;
const pct = (r: { percent: string | null }) => (r.percent === null ? "—" : `${r.percent}%`);

// 档案完整率统计 (issue 9 §3): the archive room and the leads; the procedure checks again.
export default async function ArchiveStatisticsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRoles(ARCHIVE_STATS_READERS);
  const thisMonth = shanghaiMonthOf(new Date());
  const period = periodFromParams(await searchParams, thisMonth, monthsBefore(thisMonth, 11));
  const [t, tn] = await Promise.all([getTranslations("statistics"), getTranslations("nav")]);
  const s = await (await api()).statistics.archive(period);
  const place = (p: { project: string; building: string | null }) => `${p.project} · ${p.building ?? "—"}`;
  const incompleteLink = `/archive/client-files?incomplete=1${s.projectId ? `&project=${s.projectId}` : ""}`;
  return (
    <>
      <PageHeader crumbs={`${tn("archive")} / ${t("archive.title")}`} title={t("archive.title")} subtitle={t("archive.subtitle")} />
      <PeriodFilter from={s.from} to={s.to} projectId={s.projectId} projects={s.projects} exportBase="/api/statistics/archive/export" />
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        <Figure label={t("archive.clientFiles")} value={s.clientFiles} testId="stat-client-files" />
        <Figure label={t("archive.complete")} value={s.complete} testId="stat-complete" />
        <Figure label={t("archive.incomplete")} value={<a href={incompleteLink} className="hover:underline">{s.incomplete}</a>} alert={s.incomplete > 0} testId="stat-incomplete" />
        <Figure label={t("archive.completeRate")} value={pct(s.completeRate)} testId="stat-complete-rate" />
        <Figure label={t("archive.added")} value={s.added} testId="stat-added" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {s.projectId ? (
          <Card title={t("archive.byPlace")} className="lg:col-span-2">
            {s.byPlace.length === 0 ? (
              <EmptyState>{t("noData")}</EmptyState>
            ) : (
              <>
                <SeriesChart
                  label={t("archive.byPlace")}
                  stacked
                  horizontal
                  categories={s.byPlace.map(place)}
                  series={[
                    { name: t("archive.complete"), data: s.byPlace.map((p) => p.complete), color: "#059669" },
                    { name: t("archive.incomplete"), data: s.byPlace.map((p) => p.incomplete), color: "#dc2626" },
                  ]}
                />
                <StatsTable
                  caption={t("archive.byPlace")}
                  header={[`${t("archive.project")} · ${t("archive.building")}`, t("archive.complete"), t("archive.incomplete"), t("archive.completeRate")]}
                  rows={s.byPlace.map((p) => [place(p), p.complete, p.incomplete, pct(p.rate)])}
                  testId="table-by-place"
                />
              </>
            )}
          </Card>
        ) : (
          <Card title={t("archive.byProject")} className="lg:col-span-2">
            {s.byProject.length === 0 ? (
              <EmptyState>{t("noData")}</EmptyState>
            ) : (
              <>
                <SeriesChart
                  label={t("archive.byProject")}
                  stacked
                  horizontal
                  categories={s.byProject.map((p) => p.project)}
                  series={[
                    { name: t("archive.complete"), data: s.byProject.map((p) => p.complete), color: "#059669" },
                    { name: t("archive.incomplete"), data: s.byProject.map((p) => p.incomplete), color: "#dc2626" },
                  ]}
                />
                <p className="mb-2 text-xs text-slate-500">{t("archive.byProjectHint")}</p>
                <StatsTable
                  caption={t("archive.byProject")}
                  header={[t("archive.project"), t("archive.buildings"), t("archive.complete"), t("archive.incomplete"), t("archive.completeRate")]}
                  rows={s.byProject.map((p) => [
                    p.projectId ? (
                      <Link key={p.projectId} href={`/archive/statistics?from=${s.from}&to=${s.to}&project=${p.projectId}`} className="text-brand-700 hover:underline">
                        {p.project}
                      </Link>
                    ) : (
                      p.project
                    ),
                    p.buildings,
                    p.complete,
                    p.incomplete,
                    pct(p.rate),
                  ])}
                  testId="table-by-project"
                />
              </>
            )}
          </Card>
        )}
        <Card title={t("archive.missingTop")}>
          {s.missingTop.length === 0 ? (
            <EmptyState>{t("noData")}</EmptyState>
          ) : (
            <>
              <CountChart items={s.missingTop} label={t("archive.missingTop")} horizontal />
              <StatsTable caption={t("archive.missingTop")} header={[t("archive.item"), t("archive.filesMissing")]} rows={s.missingTop.map((i) => [i.name, i.count])} testId="table-missing" />
            </>
          )}
        </Card>
        <Card title={t("archive.addedByMonth")} className="lg:col-span-2">
          {s.added === 0 ? (
            <EmptyState>{t("noData")}</EmptyState>
          ) : (
            <>
              <SeriesChart label={t("archive.addedByMonth")} stacked categories={s.addedByMonth.map((m) => m.month)} series={s.classes.map((c) => ({ name: c, data: s.addedByMonth.map((m) => m.counts[c] ?? 0) }))} />
              <StatsTable caption={t("archive.addedByMonth")} header={[t("month"), ...s.classes, t("total")]} rows={s.addedByMonth.map((m) => [m.month, ...s.classes.map((c) => m.counts[c] ?? 0), m.total])} testId="table-added" />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
