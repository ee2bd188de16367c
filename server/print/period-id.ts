import { isCalendarDay } from "../domain/calendar-day";

// Forms that print a list over a period (借阅登记表, the statistics tables) are named by the period
// instead of a record id, so /print/<form>/<period> and the print token work as for any record:
//   "2026"                   a calendar year
//   "2026-11"                a month
//   "2026-11-03_2026-11-20"  an inclusive range of Shanghai days
// Anything else is not a period (the route answers 404, as for an unknown record id).

export type PrintPeriod = { kind: "year" | "month" | "range"; id: string; from: string; to: string; year: number; month: number | null };

/** Longest range a printed list may cover by default (a leap year). */
export const MAX_PERIOD_DAYS = 366;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const okYear = (y: number) => y >= 2000 && y <= 2100;

export function parsePeriodId(id: string, maxDays = MAX_PERIOD_DAYS): PrintPeriod | null {
  let m = /^(\d{4})$/.exec(id);
  if (m) {
    const y = Number(m[1]);
    return okYear(y) ? { kind: "year", id, from: `${y}-01-01`, to: `${y}-12-31`, year: y, month: null } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(id);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (!okYear(y) || mo < 1 || mo > 12) return null;
    return { kind: "month", id, from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(lastDayOf(y, mo))}`, year: y, month: mo };
  }
  m = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/.exec(id);
  if (m) {
    const [from, to] = [m[1]!, m[2]!];
    if (!isCalendarDay(from) || !isCalendarDay(to) || from > to || !okYear(Number(from.slice(0, 4))) || !okYear(Number(to.slice(0, 4)))) return null;
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
    if (days > maxDays) return null;
    return { kind: "range", id, from, to, year: Number(from.slice(0, 4)), month: null };
  }
  return null;
}

/** The id of a period, from a page's filter: a whole month is named as the month. */
export function periodIdOf(from: string, to: string): string {
  const [y, mo] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  if (from.endsWith("-01") && to === `${from.slice(0, 7)}-${pad(lastDayOf(y, mo))}`) return from.slice(0, 7);
  if (from.endsWith("-01-01") && to === `${from.slice(0, 4)}-12-31`) return from.slice(0, 4);
  return `${from}_${to}`;
}

/** How a period reads on a form: 2026年11月, 2026年, 2026-11-03 至 2026-11-20. */
export function periodLabel(p: PrintPeriod): string {
  if (p.kind === "year") return `${p.year}年`;
  if (p.kind === "month") return `${p.year}年${p.month}月`;
  return `${p.from} 至 ${p.to}`;
}

/** The last `count` months up to the one holding `day` (yyyy-mm-dd), newest first, as period ids. */
export function recentMonths(day: string, count: number): string[] {
  let [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${pad(m)}`);
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return out;
}

/**
 * The period a list page's 打印 prints: its filter's from–to, open ends closed by today (to) and
 * the 1st of the month (from); no filter at all is the current month. null when that is no
 * printable period (reversed, or longer than maxDays).
 */
export function periodIdForFilter(from: string | undefined, to: string | undefined, today: string, maxDays = MAX_PERIOD_DAYS): string | null {
  if (!from && !to) return today.slice(0, 7);
  const end = to ?? today;
  const start = from ?? `${end.slice(0, 7)}-01`;
  const id = periodIdOf(start, end);
  return parsePeriodId(id, maxDays) ? id : null;
}
