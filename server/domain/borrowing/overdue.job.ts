import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import type { Job } from "../../jobs/scheduler";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { shanghaiDay } from "../time";
import { dateOfDay, dayOf } from "../archive/retention";
import { ON_LOAN_STATUSES } from "./borrow.machine";
import { LENDERS } from "./borrow.policy";
import { loanRules } from "./loans.service";
import { reminderFor, reminderHorizon } from "./overdue";

/**
 * Reminds the borrowers of loans due soon, and the borrowers and the archivists of overdue
 * loans, in the in-app inbox (the notification rows are the outbox a later e-mail/SMS sender
 * reads). Idempotent: each reminder's dedupe key is per loan, kind and due day, so ticks, retries
 * and several server instances send each one once.
 */
export async function sendLoanReminders(db: Db, now: Date) {
  const rules = await loanRules(db);
  const horizon = reminderHorizon(shanghaiDay(now), rules);
  const loans = await db.borrowRequest.findMany({
    where: { status: { in: [...ON_LOAN_STATUSES] }, dueOn: { lte: dateOfDay(horizon) } },
    orderBy: { dueOn: "asc" },
    select: { id: true, requestNo: true, status: true, dueOn: true, requesterId: true, requester: { select: { displayName: true } } },
  });
  let sent = 0;
  let archivists: string[] | null = null;
  for (const loan of loans) {
    const dueOn = dayOf(loan.dueOn);
    const reminder = reminderFor({ ...loan, dueOn }, now, rules);
    if (!reminder) continue;
    sent += await inTransaction(db, async (tx) => {
      archivists ??= reminder.toArchivists ? await activeUserIdsWithRoles(tx, LENDERS) : null;
      const params = { requestNo: loan.requestNo, dueOn, days: reminder.daysOverdue, borrower: loan.requester.displayName };
      const link = `/borrowing/${loan.id}`;
      let n = await notify(tx, { userIds: [loan.requesterId], kind: reminder.kind, params, link, dedupeKey: reminder.dedupeKey });
      if (reminder.toArchivists && archivists?.length) {
        // The archivists' copy says whose loan it is; its own kind keeps it apart from the borrower's.
        n += await notify(tx, { userIds: archivists.filter((id) => id !== loan.requesterId), kind: "borrowOverdueDesk", params, link, dedupeKey: `${reminder.dedupeKey}:desk` });
      }
      return n;
    });
  }
  return { checked: loans.length, sent };
}

export const loanRemindersJob: Job = { name: "borrowing.loanReminders", everyMs: 15 * 60_000, run: sendLoanReminders };
