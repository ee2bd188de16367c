import { shanghaiDay } from "../time";

// Loan periods (DOMAIN §2, issue 5 items 1 and 5). Days are Asia/Shanghai calendar days written
// `yyyy-mm-dd`; a loan is due back by the end of its due day and overdue from the next day on.
export type LoanRules = { defaultLoanDays: number; maxLoanDays: number; remindDaysBefore: number };

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
  return addCalendarDays(shanghaiDay(now), rules.defaultLoanDays);
}

/** The latest due day allowed for a loan that starts (or is renewed) today. */
export function latestDueOn(now: Date, rules: LoanRules): string {
  return addCalendarDays(shanghaiDay(now), rules.maxLoanDays);
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
