// The service clocks of a complaint (DOMAIN §3; 000 §11, 001, 002):
//   reply     promised at receipt, at most 2 days later, and kept (002: "两天内一定回电话");
//   progress  the handler reports to the front desk every 4 hours until it is resolved (001);
//   callback  within 3 days of resolution, 100 % (002: "三日内回访率达100");
// Pure functions of timestamps and rules: no database, no "now" but the one passed in.
// Durations count calendar time by default or working time (a setting). Working days are a
// function the caller may pass in (`isWorkingDay`), so a holiday calendar slots in later
// without touching the arithmetic; the default is Monday to Friday.

export type ClockMode = "calendar" | "working";

export type ClockRules = {
  mode: ClockMode;
  replyDays: number;
  progressHours: number;
  callbackDays: number;
  /** Working window in minutes after Shanghai midnight, e.g. 540–1080 for 09:00–18:00. */
  workdayStartMinute: number;
  workdayEndMinute: number;
  /** yyyy-mm-dd (Shanghai) → is it a working day; default Monday–Friday. */
  isWorkingDay?: (day: string) => boolean;
};

export const DEFAULT_RULES: ClockRules = {
  mode: "calendar",
  replyDays: 2,
  progressHours: 4,
  callbackDays: 3,
  workdayStartMinute: 9 * 60,
  workdayEndMinute: 18 * 60,
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Asia/Shanghai has kept UTC+8 all year since 1991 (no daylight saving), so a day is cut by a
// fixed offset; this keeps the arithmetic pure and fast.
const SHANGHAI_OFFSET = 8 * HOUR;

function dayIndexOf(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET) / DAY);
}
function dayString(dayIndex: number): string {
  return new Date(dayIndex * DAY).toISOString().slice(0, 10);
}
function startOfDayUtc(dayIndex: number): number {
  return dayIndex * DAY - SHANGHAI_OFFSET;
}

export function isWeekday(day: string): boolean {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** How durations are added: calendar time, or only the working windows of working days. */
export type ServiceCalendar = {
  addMinutes(from: Date, minutes: number): Date;
  /** A "day" of a clock: 24 h of calendar time, or one working day's hours of working time. */
  minutesPerDay: number;
};

export function calendarOf(rules: ClockRules): ServiceCalendar {
  if (rules.mode === "calendar") return { addMinutes: (from, m) => new Date(from.getTime() + m * MINUTE), minutesPerDay: 24 * 60 };
  const { workdayStartMinute: start, workdayEndMinute: end } = rules;
  if (!(start >= 0 && end <= 24 * 60 && start < end)) throw new RangeError(`working window ${start}–${end} is empty`);
  const isWorking = rules.isWorkingDay ?? isWeekday;
  return {
    minutesPerDay: end - start,
    addMinutes(from, minutes) {
      let t = from.getTime();
      let remaining = minutes * MINUTE;
      // Ten years without a working day means the calendar is broken, not that the clock waits.
      for (let guard = 0; guard < 3660; guard++) {
        const d = dayIndexOf(t);
        const dayStart = startOfDayUtc(d);
        const next = dayStart + DAY;
        if (!isWorking(dayString(d))) {
          t = next;
          continue;
        }
        const ws = dayStart + start * MINUTE;
        const we = dayStart + end * MINUTE;
        if (t < ws) t = ws;
        if (t >= we) {
          t = next;
          continue;
        }
        if (remaining <= we - t) return new Date(t + remaining);
        remaining -= we - t;
        t = next;
      }
      throw new RangeError("no working day within ten years");
    },
  };
}

/** The latest reply time that may be promised: receipt + replyDays (002: at most two days). */
export function replyDeadline(receivedAt: Date, rules: ClockRules): Date {
  const cal = calendarOf(rules);
  return cal.addMinutes(receivedAt, rules.replyDays * cal.minutesPerDay);
}

/** When the next progress note is due, counted from the last one (or from receipt). */
export function progressDue(lastNoteAt: Date, rules: ClockRules): Date {
  return calendarOf(rules).addMinutes(lastNoteAt, rules.progressHours * 60);
}

/** When the callback is due, counted from the resolution. */
export function callbackDue(resolvedAt: Date, rules: ClockRules): Date {
  const cal = calendarOf(rules);
  return cal.addMinutes(resolvedAt, rules.callbackDays * cal.minutesPerDay);
}

/**
 * running   green: time left;
 * dueSoon   amber: the last quarter of the span;
 * late      red: past due and not done;
 * met       done in time;  metLate: done, but after the due time;
 * none      the clock does not run in this state.
 */
export type ClockState = "running" | "dueSoon" | "late" | "met" | "metLate" | "none";
export type Clock = { state: ClockState; due: Date | null; doneAt: Date | null };

const NONE: Clock = { state: "none", due: null, doneAt: null };

/**
 * A clock that started at `start`, is due at `due` and stopped at `doneAt` (if it did). Late only
 * strictly after due. The amber 即将到期 state starts `leadMinutes` before due (a setting, issue 10
 * §4); without one, in the last quarter of the span.
 */
export function clockState(start: Date, due: Date, doneAt: Date | null, now: Date, leadMinutes?: number): Clock {
  if (doneAt) return { state: doneAt.getTime() <= due.getTime() ? "met" : "metLate", due, doneAt };
  const n = now.getTime();
  if (n > due.getTime()) return { state: "late", due, doneAt: null };
  return { state: n >= warnAt(start, due, leadMinutes).getTime() ? "dueSoon" : "running", due, doneAt: null };
}

/** When the amber warning of a clock starts. */
export function warnAt(start: Date, due: Date, leadMinutes?: number): Date {
  if (leadMinutes !== undefined) return new Date(due.getTime() - Math.max(0, leadMinutes) * MINUTE);
  return new Date(due.getTime() - Math.max(0, due.getTime() - start.getTime()) / 4);
}

/** Warning lead times per clock, in minutes of calendar time before due (complaint settings). */
export type ClockLeads = { reply: number; progress: number; callback: number };
export const DEFAULT_LEADS: ClockLeads = { reply: 12 * 60, progress: 30, callback: 12 * 60 };

export type ComplaintTimes = {
  status: "received" | "in_progress" | "resolved" | "called_back" | "closed";
  receivedAt: Date;
  promisedReplyAt: Date;
  repliedAt: Date | null;
  lastProgressAt: Date;
  progressDueAt: Date | null;
  resolvedAt: Date | null;
  callbackDueAt: Date | null;
  calledBackAt: Date | null;
};

const OPEN = new Set(["received", "in_progress"]);

/** The three clocks of a complaint as its stored timestamps and due times say, at `now`. */
export function complaintClocks(c: ComplaintTimes, now: Date, leads?: ClockLeads): { reply: Clock; progress: Clock; callback: Clock } {
  const reply = clockState(c.receivedAt, c.promisedReplyAt, c.repliedAt, now, leads?.reply);
  const progress = OPEN.has(c.status) && c.progressDueAt ? clockState(c.lastProgressAt, c.progressDueAt, null, now, leads?.progress) : NONE;
  const callback = c.resolvedAt && c.callbackDueAt ? clockState(c.resolvedAt, c.callbackDueAt, c.calledBackAt, now, leads?.callback) : NONE;
  return { reply, progress, callback };
}

/**
 * 进展超时次数 as the user reads it next to the clock (issue 17 §6). DOMAIN §3: the handler reports
 * progress every 4 hours until it is resolved; each 4-hour clock that ran out before its report is
 * one lapse. `recorded` counts the lapses already closed (a note, or the resolution, came after the
 * due time: the service adds 1 then); a clock that is red now is a lapse too, still running — so a
 * complaint shown 超时 never reads 0, and the count does not jump when the late note finally comes.
 * One lapse per clock, however long it runs late (the reminder ladder, not this count, measures how
 * late).
 */
export function progressLapsesAt(recorded: number, progress: Clock): number {
  return recorded + (progress.state === "late" ? 1 : 0);
}

/** True when any clock is red: the "overdue" list. */
export function isOverdue(clocks: { reply: Clock; progress: Clock; callback: Clock }): boolean {
  return [clocks.reply, clocks.progress, clocks.callback].some((k) => k.state === "late");
}
