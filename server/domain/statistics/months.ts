import { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from "../time";

// Statistics periods are Shanghai calendar months (`yyyy-mm`): a loan lent at 23:30 on 31 March
// Shanghai time is a March loan although UTC already says 1 April.

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The longest period a statistics page reads at once (five years of months). */
export const MAX_MONTHS = 60;

export function shanghaiMonthOf(at: Date): string {
  return shanghaiDay(at).slice(0, 7);
}

/** The last calendar day of a month `yyyy-mm`, as `yyyy-mm-dd`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, "0")}`;
}

/** The UTC instants [start, end) of the Shanghai months from … to (inclusive), and its days. */
export function monthRange(from: string, to: string): { start: Date; end: Date; firstDay: string; lastDay: string } {
  const firstDay = `${from}-01`;
  const lastDay = lastDayOf(to);
  return { start: startOfShanghaiDay(firstDay), end: endOfShanghaiDay(lastDay), firstDay, lastDay };
}

/** How many months from … to, inclusive (0 when to is before from). */
export function monthCount(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return Math.max(0, index(to) - index(from) + 1);
}

/** Every month from … to, inclusive and in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The month `n` months before `month` (n ≥ 0). */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
