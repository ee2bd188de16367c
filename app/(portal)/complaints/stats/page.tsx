import { getTranslations } from "next-intl/server";
import { requireRoles } from "@/server/auth/session";
import { api } from "@/server/api/server";
import { shanghaiDay } from "@/server/domain/time";
import { COMPLAINT_STATS_READERS } from "@/server/domain/complaints/complaints.policy";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Button, buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { CountChart } from "@/components/complaints/bar-chart";
import { PrintButton } from "@/components/print/print-button";
import { periodIdForFilter } from "@/server/print/period-id";
import { COMPLAINT_STATS_MAX_DAYS } from "@/server/print/forms/complaint-stats";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("complaintStats", "title");

type Search = { from?: string; to?: string };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default async function ComplaintStatsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireRoles(COMPLAINT_STATS_READERS);
  const sp = await searchParams;
  const t = await getTranslations("complaintStats");
  const tc = await getTranslations("complaints");
  const today = shanghaiDay(new Date());
  const from = DAY.test(sp.from ?? "") ? sp.from! : `${today.slice(0, 4)}-01-01`;
  const to = DAY.test(sp.to ?? "") ? sp.to! : today;
  const s = await (await api()).complaints.stats.summary({ from, to });
  const q = `from=${from}&to=${to}`;
  const printPeriod = periodIdForFilter(from, to, today, COMPLAINT_STATS_MAX_DAYS);
  const rates = [
    ["onTimeReply", s.onTimeReply],
    ["onTimeProgress", s.onTimeProgress],
    ["callbackRate", s.callbackRate],
    ["onTimeCallback", s.onTimeCallback],
    ["repairCallbackRate", s.repairCallbackRate],
  ] as const;
  const sections = [
    ["byCategory", s.byCategory, (n: string) => n],
    ["byChannel", s.byChannel, (n: string) => tc(`channels.${n as "phone"}`)],
    ["bySeverity", s.bySeverity, (n: string) => tc(`severities.${n as "normal"}`)],
    ["byPerson", s.byPerson, (n: string) => n],
    ["byMonth", s.byMonth, (n: string) => n],
    ["satisfaction", s.satisfaction, (n: string) => tc(`satisfactions.${n as "satisfied"}`)],
  ] as const;

  return (
    <>
      <PageHeader
        crumbs={`${tc("crumbs")} / ${t("title")}`}
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <>
            {printPeriod && <PrintButton form="complaint-stats" id={printPeriod} />}
            <a className={buttonClass("secondary")} href={`/api/complaints/stats/export?format=csv&${q}`}>
              {t("exportCsv")}
            </a>
            <a className={buttonClass("secondary")} href={`/api/complaints/stats/export?format=xlsx&${q}`}>
              {t("exportXlsx")}
            </a>
          </>
        }
      />
      <form className="mb-4 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <label className="flex items-center gap-1 text-sm text-slate-600">
          {t("from")}
          <Input type="date" name="from" defaultValue={from} className="w-40" />
        </label>
        <label className="flex items-center gap-1 text-sm text-slate-600">
          {t("to")}
          <Input type="date" name="to" defaultValue={to} className="w-40" />
        </label>
        <Button type="submit">{t("apply")}</Button>
      </form>
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Card>
          <div className="text-xs text-slate-500">{t("total")}</div>
          <div className="text-2xl font-semibold tabular-nums" data-testid="stat-total">{s.total}</div>
        </Card>
        {rates.map(([key, r]) => (
          <Card key={key}>
            <div className="text-xs text-slate-500">{t(key)}</div>
            <div className={`text-2xl font-semibold tabular-nums ${r.percent !== null && Number(r.percent) < 100 && (key === "callbackRate" || key === "repairCallbackRate") ? "text-red-600" : ""}`} data-testid={`stat-${key}`}>
              {r.percent === null ? "—" : `${r.percent}%`}
            </div>
            <div className="text-xs text-slate-400">{t("rateOf", { num: r.num, den: r.den })}</div>
          </Card>
        ))}
      </div>
      {s.total === 0 ? (
        <EmptyState>{t("noData")}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {sections.map(([key, items, label]) => (
            <Card key={key} title={t(key)}>
              <CountChart items={items.map((i) => ({ name: label(i.name), count: i.count }))} label={t(key)} horizontal={key === "byPerson" || key === "byCategory"} />
              <Table caption={t(key)}>
                <thead>
                  <tr>
                    <Th>{t("name")}</Th>
                    <Th className="text-right">{t("count")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {items.map((i) => (
                    <tr key={i.name}>
                      <Td>{label(i.name)}</Td>
                      <Td className="text-right tabular-nums">{i.count}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
