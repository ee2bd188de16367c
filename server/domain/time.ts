import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

// Instants are stored in UTC; days and months are cut, and times shown, in Asia/Shanghai.
export const ZONE = "Asia/Shanghai";

/** The UTC instant at which the Shanghai calendar day `yyyy-mm-dd` begins. */
export function startOfShanghaiDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, ZONE).getTime());
}

/** The UTC instant at which the Shanghai day after `yyyy-mm-dd` begins (exclusive end of a range). */
export function endOfShanghaiDay(day: string): Date {
  return new Date(addDays(new TZDate(startOfShanghaiDay(day), ZONE), 1).getTime());
}

/** `2026-03-02 10:00` in Shanghai time. */
export function formatShanghai(at: Date | string | null | undefined, pattern = "yyyy-MM-dd HH:mm"): string {
  if (!at) return "";
  return format(new TZDate(new Date(at).getTime(), ZONE), pattern);
}

export function shanghaiDay(at: Date): string {
  return formatShanghai(at, "yyyy-MM-dd");
}
