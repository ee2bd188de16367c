import type { Db } from "../../db/client";
import { APPRAISAL_READERS } from "../../domain/appraisal/appraisal.policy";
import { statistics } from "../../domain/appraisal/statistics.service";
import { viewerOf } from "../../domain/appraisal/viewer";
import { DIMENSIONS } from "../../domain/appraisal/dimensions";
import { DomainError } from "../../domain/errors";
import { shanghaiDay } from "../../domain/time";
import { parsePeriodId, periodLabel, recentMonths, type PrintPeriod } from "../period-id";
import { definePrintForm, type PrintT } from "../print-form";
import { TrendChart } from "../../../components/appraisal/trend-chart";

// 员工月/年绩效考核情况统计表 (002 篇2 4.7, 4.12.3): the figures of /appraisal/statistics for a
// month or a year — per kind count/mean/best/worst, the 德勤能绩 means, the 月考核 ranking and the
// month-by-month trend — as tables. Only the results the printer may see (own / team / all), as
// on the page.

type StatsDoc = { period: PrintPeriod; s: Awaited<ReturnType<typeof statistics>> };

const periodOf = (id: string) => {
  const p = parsePeriodId(id);
  return p && p.kind !== "range" ? p : null;
};

function AppraisalStatsBody({ doc, t }: { doc: StatsDoc; t: PrintT }) {
  const k = (key: string) => t(`print.forms.appraisalStats.${key}` as never);
  const { s } = doc;
  const dash = (v: string | null) => v ?? "—";
  return (
    <>
      <p className="pf-summary">{t("print.forms.appraisalStats.summary", { period: periodLabel(doc.period), count: s.count })}</p>
      <div className="pf-section">{k("byKind")}</div>
      <table className="pf-table pf-compact">
        <thead>
          <tr>
            <th>{k("colKind")}</th>
            <th className="num">{k("colCount")}</th>
            <th className="num">{k("colMean")}</th>
            <th className="num">{k("colMax")}</th>
            <th className="num">{k("colMin")}</th>
          </tr>
        </thead>
        <tbody>
          {s.byKind.map((r) => (
            <tr key={r.kind}>
              <td>{t(`appraisal.kinds.${r.kind}`)}</td>
              <td className="num">{r.count}</td>
              <td className="num">{dash(r.mean)}</td>
              <td className="num">{dash(r.max)}</td>
              <td className="num">{dash(r.min)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pf-section">{k("dimensions")}</div>
      <table className="pf-table pf-compact">
        <thead>
          <tr>
            {DIMENSIONS.map((d) => (
              <th key={d} className="num">
                {t(`appraisal.dimensions.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {DIMENSIONS.map((d) => (
              <td key={d} className="num">
                {dash(s.dimensions[d])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <div className="pf-section">{k("ranking")}</div>
      {s.ranking.length === 0 ? (
        <p className="pf-summary">{k("noRanking")}</p>
      ) : (
        <table className="pf-table pf-compact">
          <thead>
            <tr>
              <th className="num">{k("colRank")}</th>
              <th>{k("colEmployee")}</th>
              <th>{k("colDepartment")}</th>
              <th className="num">{k("colCount")}</th>
              <th className="num">{k("colMean")}</th>
              <th>{k("colResult")}</th>
            </tr>
          </thead>
          <tbody>
            {s.ranking.map((r) => (
              <tr key={r.employee.id}>
                <td className="num">{r.rank}</td>
                <td className="nowrap">{r.employee.name}</td>
                <td>{r.employee.department ?? ""}</td>
                <td className="num">{r.count}</td>
                <td className="num">{r.mean}</td>
                <td className={r.outstanding ? "pf-mark" : undefined}>{r.outstanding ? k("outstanding") : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pf-keep">
        <div className="pf-section">{k("trend")}</div>
        <table className="pf-table pf-compact">
          <thead>
            <tr>
              <th>{k("colMonth")}</th>
              {s.trend.map((m) => (
                <th key={m.month} className="num">
                  {t("print.forms.appraisalStats.month", { month: m.month })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="nowrap">{k("colMonthly")}</td>
              {s.trend.map((m) => (
                <td key={m.month} className="num">
                  {dash(m.monthly)}
                </td>
              ))}
            </tr>
            <tr>
              <td className="nowrap">{k("colChecks")}</td>
              {s.trend.map((m) => (
                <td key={m.month} className="num">
                  {dash(m.checks)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        {/* The page's own SVG chart (server-rendered, no script), under the table it draws. */}
        <div style={{ width: "105mm", margin: "1.5mm auto 0" }}>
          <TrendChart
            title={k("trend")}
            monthLabel={(m) => t("print.forms.appraisalStats.month", { month: m })}
            series={[
              { label: k("colMonthly"), color: "#2563eb", values: s.trend.map((x) => x.monthly) },
              { label: k("colChecks"), color: "#f59e0b", values: s.trend.map((x) => x.checks) },
            ]}
          />
        </div>
      </div>
    </>
  );
}

export const appraisalStatsForm = definePrintForm<StatsDoc>({
  key: "appraisal-stats",
  isId: (id) => periodOf(id) !== null,
  roles: APPRAISAL_READERS,
  entity: "AppraisalStatistics",
  async load(db: Db, viewer, ids) {
    const v = await viewerOf(db, viewer);
    const out: StatsDoc[] = [];
    for (const id of ids) {
      const period = periodOf(id);
      if (!period) throw new DomainError("NOT_FOUND");
      out.push({ period, s: await statistics(db, v, { year: period.year, month: period.month ?? undefined }) });
    }
    return out;
  },
  idOf: (d) => d.period.id,
  numberOf: (d) => d.period.id,
  titleOf: (d, t) => t(d.period.kind === "month" ? "print.forms.appraisalStats.titleMonth" : "print.forms.appraisalStats.titleYear"),
  portalPath: (d) => `/appraisal/statistics?year=${d.period.year}${d.period.month ? `&month=${d.period.month}` : ""}`,
  signatures: (_d, t) => [t("print.forms.appraisalStats.signPreparer"), t("print.forms.appraisalStats.signManager")],
  Body: AppraisalStatsBody,
  async recent(_db, _viewer, limit, t) {
    const today = shanghaiDay(new Date());
    const y = Number(today.slice(0, 4));
    const ids = [String(y), String(y - 1), ...recentMonths(today, Math.min(limit, 6))];
    return ids.map((id) => {
      const p = parsePeriodId(id)!;
      return { id, number: id, label: t("print.forms.appraisalStats.candidate", { period: periodLabel(p) }), at: new Date(`${p.from}T00:00:00+08:00`), state: "" };
    });
  },
});
