import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import type { Job } from "../../jobs/scheduler";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { formatShanghai } from "../time";
import { REPORT_WRITERS } from "./contacts.policy";
import { latestDuePeriod, periodLabel, REPORT_KINDS } from "./report-periods";
import { liveKeyOf } from "./reports.service";

/**
 * 000 §13: the daily report is due before 09:00, the weekly one on Saturday, the monthly one on the
 * last day of the month. Once a period's due instant has passed without a signed report, the CS
 * specialists (and the supervisor) are reminded once per period: the dedupe key names the period,
 * so every tick, retry and server instance after the first adds nothing.
 */
export async function remindLateReports(db: Db, now: Date) {
  let sent = 0;
  const late: string[] = [];
  for (const kind of REPORT_KINDS) {
    const p = latestDuePeriod(kind, now);
    const live = await db.contactReport.findUnique({ where: { liveKey: liveKeyOf(kind, p.key) }, select: { id: true, status: true } });
    if (live?.status === "signed") continue;
    late.push(liveKeyOf(kind, p.key));
    sent += await inTransaction(db, async (tx) =>
      notify(tx, {
        userIds: await activeUserIdsWithRoles(tx, REPORT_WRITERS),
        kind: "contactReportLate",
        params: { kind, period: periodLabel(p), due: formatShanghai(p.dueAt) },
        link: live ? `/contacts/reports/${live.id}` : `/contacts/reports?kind=${kind}`,
        dedupeKey: `contactReport.late:${kind}:${p.key}`,
      }),
    );
  }
  return { late, sent };
}

export const contactReportRemindersJob: Job = { name: "contacts.reportReminders", everyMs: 10 * 60_000, run: remindLateReports };
