import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import type { Job } from "../../jobs/scheduler";
import { notify } from "../notifications/notify";
import { shanghaiDay } from "../time";
import { dateOfDay, dayOf } from "../archive/retention";
import { ON_LOAN_STATUSES } from "./borrow.machine";
import { loanRules } from "./loans.service";
import { reminderFor, reminderHorizon } from "./overdue";

/**
 * Reminds the borrowers of loans due soon in the in-app inbox (the notification rows are the
 * outbox a later e-mail/SMS sender reads). Overdue loans are the escalation ladder's job
 * (calendar/escalation.service.ts). Idempotent: the dedupe key is per loan and due day, so ticks,
 * retries and several server instances send each reminder once.
 */
export async function sendLoanReminders(db: Db, now: Date) {
  const rules = await loanRules(db);
  const today = shanghaiDay(now);
  const loans = await db.borrowRequest.findMany({
    where: { status: { in: [...ON_LOAN_STATUSES] }, dueOn: { gte: dateOfDay(today), lte: dateOfDay(reminderHorizon(today, rules)) } },
    orderBy: { dueOn: "asc" },
    select: { id: true, requestNo: true, status: true, dueOn: true, requesterId: true },
  });
  let sent = 0;
  for (const loan of loans) {
    const dueOn = dayOf(loan.dueOn);
    const reminder = reminderFor({ ...loan, dueOn }, now, rules);
    if (!reminder) continue;
    sent += await inTransaction(db, (tx) =>
      notify(tx, { userIds: [loan.requesterId], kind: reminder.kind, params: { requestNo: loan.requestNo, dueOn }, link: `/borrowing/${loan.id}`, dedupeKey: reminder.dedupeKey }),
    );
  }
  return { checked: loans.length, sent };
}

export const loanRemindersJob: Job = { name: "borrowing.loanReminders", everyMs: 15 * 60_000, run: sendLoanReminders };
