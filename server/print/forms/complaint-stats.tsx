import type { Db } from "../../db/client";
import { COMPLAINT_STATS_READERS } from "../../domain/complaints/complaints.policy";
import { complaintStats, statsTable } from "../../domain/complaints/stats.service";
import type { ComplaintStats } from "../../domain/complaints/stats";
import { DomainError } from "../../domain/errors";
import { shanghaiDay } from "../../domain/time";
import { parsePeriodId, periodLabel, recentMonths, type PrintPeriod } from "../period-id";
import { PRINT_LOCALE } from "../print-document";
import { definePrintForm, type PrintT } from "../print-form";

// 投诉统计表 (001/002: 定期进行统计分析; 100 % 回访): the figures of /complaints/stats for a period
// of receipt, as the table the page exports (statsTable), so print, page and export agree.

/** The stats page accepts ten years; so does its print. */
export const COMPLAINT_STATS_MAX_DAYS = 3660;
type StatsDoc = { period: PrintPeriod; stats: ComplaintStats & { from: string; to: string }; table: string[][] };

function StatsBody({ doc, t }: { doc: StatsDoc; t: PrintT }) {
  const k = (key: string) => t(`print.forms.complaintStats.${key}` as never);
  const [head, ...rows] = doc.table;
  // statsTable repeats the section on each of its lines; print it once per group.
  return (
    <>
      <p className="pf-summary">{t("print.forms.complaintStats.summary", { period: periodLabel(doc.period), total: doc.stats.total })}</p>
      <table className="pf-table pf-compact">
        <thead>
          <tr>
            <th>{k("colSection")}</th>
            <th>{head![1] || k("colItem")}</th>
            <th className="num">{k("colValue")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td className="nowrap">{i > 0 && rows[i - 1]![0] === r[0] && r[1] ? "" : <b>{r[0]}</b>}</td>
              <td>{r[1]}</td>
              <td className="num">{r[2]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const complaintStatsForm = definePrintForm<StatsDoc>({
  key: "complaint-stats",
  isId: (id) => parsePeriodId(id, COMPLAINT_STATS_MAX_DAYS) !== null,
  roles: COMPLAINT_STATS_READERS,
  entity: "ComplaintStats",
  async load(db: Db, _viewer, ids) {
    const out: StatsDoc[] = [];
    for (const id of ids) {
      const period = parsePeriodId(id, COMPLAINT_STATS_MAX_DAYS);
      if (!period) throw new DomainError("NOT_FOUND");
      const stats = await complaintStats(db, { from: period.from, to: period.to });
      out.push({ period, stats, table: statsTable(stats, PRINT_LOCALE) });
    }
    return out;
  },
  idOf: (d) => d.period.id,
  numberOf: (d) => d.period.id,
  titleOf: (_d, t) => t("print.forms.complaintStats.title"),
  portalPath: (d) => `/complaints/stats?from=${d.period.from}&to=${d.period.to}`,
  signatures: (_d, t) => [t("print.forms.complaintStats.signPreparer"), t("print.forms.complaintStats.signSupervisor"), t("print.forms.complaintStats.signManager")],
  Body: StatsBody,
  async recent(db, _viewer, limit, t) {
    const today = shanghaiDay(new Date());
    const ids = [String(Number(today.slice(0, 4))), ...recentMonths(today, Math.min(limit, 6))];
    return ids.map((id) => {
      const p = parsePeriodId(id)!;
      return { id, number: id, label: t("print.forms.complaintStats.candidate", { period: periodLabel(p) }), at: new Date(`${p.from}T00:00:00+08:00`), state: "" };
    });
  },
});
