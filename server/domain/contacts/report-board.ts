import type { Db } from "../../db/client";
import { formatShanghai } from "../time";
import { isGeneratable, latestDuePeriod, periodAt, periodLabel, REPORT_KINDS } from "./report-periods";
import { liveKeyOf } from "./reports.service";

/**
 * The reports page's head: per kind, the last period that is due (late when not signed) and the
 * current one (generatable from its last day on), each with its live report if there is one.
 */
export async function reportBoard(db: Db, now: Date) {
  const out = [];
  for (const kind of REPORT_KINDS) {
    const periods = [latestDuePeriod(kind, now), periodAt(kind, now)];
    for (const [i, p] of periods.entries()) {
      if (i === 1 && p.key === periods[0]!.key) continue;
      const live = await db.contactReport.findUnique({ where: { liveKey: liveKeyOf(kind, p.key) }, select: { id: true, status: true } });
      const isDue = p.dueAt.getTime() <= now.getTime();
      out.push({
        kind,
        periodKey: p.key,
        periodLabel: periodLabel(p),
        dueAt: formatShanghai(p.dueAt),
        reportId: live?.id ?? null,
        status: live?.status ?? null,
        isLate: isDue && live?.status !== "signed",
        canGenerate: !live && isGeneratable(p, now),
      });
    }
  }
  return out;
}
