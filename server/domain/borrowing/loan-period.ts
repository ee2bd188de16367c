import { shanghaiDay } from "../time";
import { addWorkingDays, isHoliday, isWorkingDay, nextWorkingDayOnOrAfter, type Exceptions } from "../calendar/working-days";

// Loan periods (DOMAIN §2, issue 5 items 1 and 5). Days are Asia/Shanghai calendar days written
// `yyyy-mm-dd`; a loan is due back by the end of its due day and overdue from the next day on.
// With the holiday calendar (issue 10 §4) the periods may count working days (a setting), and a
// due day on a 放假 day moves to the next working day.
export type LoanRules = { defaultLoanDays: number; maxLoanDays: number; remindDaysBefore: number; countWorkingDays?: boolean; exceptions?: Exceptions };

/** today + n days of the loan period: working days when the settings say so, else calendar days. */
function addLoanDays(day: string, n: number, rules: LoanRules): string {
  return rules.countWorkingDays && rules.exceptions ? addWorkingDays(day, n, rules.exceptions) : addCalendarDays(day, n);
}

/**
 * Where a requested due day really falls: a 放假 day (or, when the period counts working days, any
 * day off) moves on to the next working day — the archive room is shut. movedFrom says so on the slip.
 */
export function settleDueOn(dueOn: string, rules: Pick<LoanRules, "countWorkingDays" | "exceptions">): { dueOn: string; movedFrom: string | null } {
  const ex = rules.exceptions;
  if (!ex) return { dueOn, movedFrom: null };
  const off = isHoliday(dueOn, ex) || (rules.countWorkingDays === true && !isWorkingDay(dueOn, ex));
  if (!off) return { dueOn, movedFrom: null };
  return { dueOn: nextWorkingDayOnOrAfter(dueOn, ex), movedFrom: dueOn };
}

export function addCalendarDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The due day a new request proposes: today + the default period. */
export function defaultDueOn(now: Date, rules: LoanRules): string {
  return settleDueOn(addLoanDays(shanghaiDay(now), rules.defaultLoanDays, rules), rules).dueOn;
}

/** The latest due day allowed for a loan that starts (or is renewed) today. */
export function latestDueOn(now: Date, rules: LoanRules): string {
  return settleDueOn(addLoanDays(shanghaiDay(now), rules.maxLoanDays, rules), rules).dueOn;
}

export type DueCheck = { ok: true } | { ok: false; code: "BORROW_DUE_IN_PAST" } | { ok: false; code: "BORROW_DUE_TOO_LATE"; latest: string; maxDays: number };

/** A requested due day must be today or later, and within the maximum period. */
export function checkDueOn(dueOn: string, now: Date, rules: LoanRules): DueCheck {
  const today = shanghaiDay(now);
  if (dueOn < today) return { ok: false, code: "BORROW_DUE_IN_PAST" };
  const latest = latestDueOn(now, rules);
  if (dueOn > latest) return { ok: false, code: "BORROW_DUE_TOO_LATE", latest, maxDays: rules.maxLoanDays };
  return { ok: true };
}

/** Days past the due day on `now` (0 while not overdue). */
export function daysOverdue(dueOn: string, now: Date): number {
  return Math.max(0, daysBetween(dueOn, shanghaiDay(now)));
}

export function isOverdue(dueOn: string, now: Date): boolean {
  return daysOverdue(dueOn, now) > 0;
}

/** Due within the reminder lead (and not yet overdue): the borrower is reminded. */
export function isDueSoon(dueOn: string, now: Date, rules: Pick<LoanRules, "remindDaysBefore">): boolean {
  const left = daysBetween(shanghaiDay(now), dueOn);
  return left >= 0 && left <= rules.remindDaysBefore;
}
