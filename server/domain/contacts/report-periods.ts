import { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from "../time";

// 000 §13: the CS specialist sends the 客户来电来访情况 to the group every day before 09:00 (the
// previous day's figures), every Saturday and on the last day of every month. Periods are cut in
// Asia/Shanghai: a call at 23:59 on the last day of a month belongs to that month.
//   daily    one Shanghai day; due at 09:00 the next morning.
//   weekly   Sunday … Saturday, so it ends on the Saturday it is sent; due at the end of Saturday.
//   monthly  the calendar month; due at the end of its last day.
export const REPORT_KINDS = ["daily", "weekly", "monthly"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type ReportPeriod = {
  kind: ReportKind;
  /** daily `2026-03-02`, weekly the Sunday it starts `2026-03-01`, monthly `2026-03`. */
  key: string;
  firstDay: string;
  lastDay: string;
  /** Inclusive start and exclusive end, UTC instants. */
  start: Date;
  end: Date;
  dueAt: Date;
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAILY_DUE_HOURS = 9;

function utcOf(day: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A real calendar day `yyyy-mm-dd` (no 2026-02-29). */
export function isDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  return utcOf(day).toISOString().slice(0, 10) === day;
}

export function addDays(day: string, n: number): string {
  const d = utcOf(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (a calendar day has no time zone). */
export function weekdayOf(day: string): number {
  return utcOf(day).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function lastDayOfMonth(month: string): string {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  return `${month}-${String(daysInMonth(Number(m[1]), Number(m[2]))).padStart(2, "0")}`;
}

function build(kind: ReportKind, key: string, firstDay: string, lastDay: string): ReportPeriod {
  const start = startOfShanghaiDay(firstDay);
  const end = endOfShanghaiDay(lastDay);
  // Shanghai has no daylight saving: 09:00 the next morning is nine hours after the day ends.
  const dueAt = kind === "daily" ? new Date(end.getTime() + DAILY_DUE_HOURS * 3_600_000) : end;
  return { kind, key, firstDay, lastDay, start, end, dueAt };
}

/** The period of `kind` that contains the Shanghai calendar day `day`. */
export function periodContaining(kind: ReportKind, day: string): ReportPeriod {
  if (!isDay(day)) throw new RangeError(`not a day: ${day}`);
  if (kind === "daily") return build(kind, day, day, day);
  if (kind === "weekly") {
    const sunday = addDays(day, -weekdayOf(day));
    return build(kind, sunday, sunday, addDays(sunday, 6));
  }
  const month = day.slice(0, 7);
  return build(kind, month, `${month}-01`, lastDayOfMonth(month));
}

/** The period an instant falls in, cut in Shanghai. */
export function periodAt(kind: ReportKind, at: Date): ReportPeriod {
  return periodContaining(kind, shanghaiDay(at));
}

/** Parses a period key; null when it is malformed or (weekly) does not start on a Sunday. */
export function periodOfKey(kind: ReportKind, key: string): ReportPeriod | null {
  if (kind === "monthly") {
    const m = MONTH.exec(key);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
    return periodContaining(kind, `${key}-01`);
  }
  if (!isDay(key)) return null;
  const p = periodContaining(kind, key);
  return p.key === key ? p : null;
}

export function previousPeriod(p: ReportPeriod): ReportPeriod {
  return periodContaining(p.kind, addDays(p.firstDay, -1));
}

/** The most recent period whose report was due at or before `now` (what a reminder chases). */
export function latestDuePeriod(kind: ReportKind, now: Date): ReportPeriod {
  let p = periodAt(kind, now);
  while (p.dueAt.getTime() > now.getTime()) p = previousPeriod(p);
  return p;
}

/** A report may be generated from the period's last day on (figures of a period not yet begun mean nothing). */
export function isGeneratable(p: ReportPeriod, now: Date): boolean {
  return startOfShanghaiDay(p.lastDay).getTime() <= now.getTime();
}

/** `2026-03-02`, `2026-03-01 ~ 2026-03-07`, `2026-03`. */
export function periodLabel(p: ReportPeriod): string {
  if (p.kind === "daily") return p.firstDay;
  if (p.kind === "weekly") return `${p.firstDay} ~ ${p.lastDay}`;
  return p.key;
}
