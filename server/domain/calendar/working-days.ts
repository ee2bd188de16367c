import { calendarOf, isWeekday, type ClockRules } from "../complaints/clocks";

// The working-day calendar (issue 10 §4): Monday to Friday work, Saturday and Sunday are off,
// and the State Council's yearly arrangement overrides single days: a 放假 day is off even on a
// weekday, a 调休上班 day is worked even on a weekend. Days are Shanghai calendar days written
// `yyyy-mm-dd`. Pure: the exceptions are passed in (loaded once per request or job tick).

export const EXCEPTION_KINDS = ["holiday", "workday"] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export type CalendarException = { day: string; kind: ExceptionKind; name: string };
/** day → kind; a Map so a lookup is O(1) inside the clocks' day loop. */
export type Exceptions = ReadonlyMap<string, ExceptionKind>;

export function exceptionsOf(list: readonly Pick<CalendarException, "day" | "kind">[]): Exceptions {
  return new Map(list.map((e) => [e.day, e.kind]));
}

/** Weekends are off unless 调休上班; an exception overrides the weekday rule. */
export function isWorkingDay(day: string, exceptions: Exceptions): boolean {
  const kind = exceptions.get(day);
  if (kind === "holiday") return false;
  if (kind === "workday") return true;
  return isWeekday(day);
}

/** A declared 放假 day (not an ordinary weekend). */
export function isHoliday(day: string, exceptions: Exceptions): boolean {
  return exceptions.get(day) === "holiday";
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** `day` itself when it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(day: string, exceptions: Exceptions): string {
  let d = day;
  // A year without a working day means the calendar is broken, not that the loan waits.
  for (let i = 0; i < 366; i++, d = addDays(d, 1)) if (isWorkingDay(d, exceptions)) return d;
  throw new RangeError(`no working day within a year after ${day}`);
}

/**
 * The working day `n` working days after `day` (n ≥ 0; `day` itself need not be a working day:
 * counting starts on the following days). n = 0 gives `day` unchanged.
 */
export function addWorkingDays(day: string, n: number, exceptions: Exceptions): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let d = day;
  let left = n;
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new RangeError("no working day within ten years");
    d = addDays(d, 1);
    if (isWorkingDay(d, exceptions)) left--;
  }
  return d;
}

export type WorkingHours = Pick<ClockRules, "workdayStartMinute" | "workdayEndMinute">;

/** `hours` of working time after `from`, inside the working window of working days only. */
export function addWorkingHours(from: Date, hours: number, exceptions: Exceptions, window: WorkingHours): Date {
  return calendarOf({ ...window, mode: "working", replyDays: 0, progressHours: 0, callbackDays: 0, isWorkingDay: (d) => isWorkingDay(d, exceptions) }).addMinutes(from, hours * 60);
}

/** The predicate the complaint clocks take (ClockRules.isWorkingDay). */
export function workingDayPredicate(exceptions: Exceptions): (day: string) => boolean {
  return (day) => isWorkingDay(day, exceptions);
}
