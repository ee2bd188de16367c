import { z } from "zod";

// The one day schema of every form, filter and query parameter: a string that only looked like a
// date (2026-13-45, 2026-02-30) reached PostgreSQL's date cast and came back as a 500.

/** A real calendar day `yyyy-mm-dd` (2026-02-30 is not one). */
export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const at = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(v);
}

/** `yyyy-mm-dd`, a day that exists; the message is the catalogue key validation.date. */
export const ZDay = z.string().refine(isCalendarDay, "date");
