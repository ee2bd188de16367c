import type { BorrowStatus } from "../../db/generated/client";
import { ON_LOAN_STATUSES } from "./borrow.machine";
import { addCalendarDays, isDueSoon, isOverdue, type LoanRules } from "./loan-period";

// Overdue loans and the due-soon reminder (issue 5 item 5). Pure: the job and the lists read loans
// and ask these functions; the dedupe key makes the reminder go out once per loan and due day (a
// renewal moves the due day, so the new day is reminded again). Once a loan is overdue its
// reminders and escalation are the escalation ladder's (server/domain/calendar), not this one's.
export type ReminderKind = "borrowDueSoon";
export type LoanForReminder = { id: string; requestNo: string; status: BorrowStatus; dueOn: string };
export type Reminder = { kind: ReminderKind; dedupeKey: string };

export function isOnLoan(status: BorrowStatus): boolean {
  return ON_LOAN_STATUSES.includes(status);
}

/** True for a loan still out (lent or renewed) past its due day. */
export function isLoanOverdue(loan: { status: BorrowStatus; dueOn: string }, now: Date): boolean {
  return isOnLoan(loan.status) && isOverdue(loan.dueOn, now);
}

export function reminderKey(kind: ReminderKind, loanId: string, dueOn: string): string {
  return `borrow:${kind}:${loanId}:${dueOn}`;
}

/** The reminder a loan still out needs on `now`: due within the lead → the borrower; otherwise (not yet near, or already overdue) none. */
export function reminderFor(loan: LoanForReminder, now: Date, rules: Pick<LoanRules, "remindDaysBefore">): Reminder | null {
  if (!isOnLoan(loan.status) || isOverdue(loan.dueOn, now)) return null;
  if (isDueSoon(loan.dueOn, now, rules)) return { kind: "borrowDueSoon", dedupeKey: reminderKey("borrowDueSoon", loan.id, loan.dueOn) };
  return null;
}

/** The latest due day the reminder job must look at on `today`: everything due by then may need a reminder. */
export function reminderHorizon(today: string, rules: Pick<LoanRules, "remindDaysBefore">): string {
  return addCalendarDays(today, Math.max(0, rules.remindDaysBefore));
}
