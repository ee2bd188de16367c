import type { CalendarException, ExceptionKind } from "./working-days";
import { isCalendarDay } from "../calendar-day";
import { isWeekday } from "../complaints/clocks";

// The calendar page's import: the State Council's list typed or pasted one day per line,
//   2026-10-01 放假 国庆节      2026-10-10 上班 国庆节调休
// a range is allowed for 放假 (`2026-10-01~2026-10-07 放假 国庆节`). Blank lines and `#` comments
// are skipped. Pure, so the page can say which line is wrong before anything is written.

const KIND_WORDS: Record<string, ExceptionKind> = { 放假: "holiday", 休: "holiday", holiday: "holiday", 上班: "workday", 调休: "workday", 班: "workday", workday: "workday" };
const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至]\s*(\d{4}-\d{2}-\d{2}))?[\s,，\t]+(\S+)[\s,，\t]+(.+)$/;

export type ImportResult = { ok: true; days: CalendarException[] } | { ok: false; line: number; text: string; reason: "format" | "date" | "kind" | "pointless" | "range" };

function next(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A 调休上班 entry on a weekday changes nothing and is almost always a typo. */
export function isPointless(e: Pick<CalendarException, "day" | "kind">): boolean {
  return e.kind === "workday" && isWeekday(e.day);
}

export function parseCalendarImport(text: string): ImportResult {
  const byDay = new Map<string, CalendarException>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw || raw.startsWith("#")) continue;
    const m = LINE.exec(raw);
    if (!m) return { ok: false, line: i + 1, text: raw, reason: "format" };
    const [, from, to, word, name] = m as unknown as [string, string, string | undefined, string, string];
    if (!isCalendarDay(from) || (to !== undefined && !isCalendarDay(to))) return { ok: false, line: i + 1, text: raw, reason: "date" };
    const kind = KIND_WORDS[word.toLowerCase()];
    if (!kind) return { ok: false, line: i + 1, text: raw, reason: "kind" };
    const end = to ?? from;
    if (end < from || (to !== undefined && kind !== "holiday") || Date.parse(end) - Date.parse(from) > 31 * 86_400_000) return { ok: false, line: i + 1, text: raw, reason: "range" };
    for (let d = from; d <= end; d = next(d)) {
      const e = { day: d, kind, name: name.trim().slice(0, 30) };
      if (isPointless(e)) return { ok: false, line: i + 1, text: raw, reason: "pointless" };
      byDay.set(d, e);
    }
  }
  return { ok: true, days: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}
