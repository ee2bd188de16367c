import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { inTransaction, type Tx } from "../../db/tx";
import { writeAudit, type Actor } from "../audit/audit-log";
import { DomainError } from "../errors";
import { dateOfDay, dayOf } from "../archive/retention";
import { ZCalendarDayInput, ZCalendarDayRef, ZCalendarImport, ZCalendarYear, type TCalendarDayInput, type TCalendarImport } from "./calendar.schema";
import { isPointless, parseCalendarImport } from "./import";
import { exceptionsOf, type CalendarException, type Exceptions } from "./working-days";

// The admin's calendar of exceptions (放假 / 调休上班). Every edit is audited and writes a new
// version token; the clocks load the exceptions once per request or job tick and keep them in a
// process cache keyed by that token, so an edit is seen by every server instance at its next read.

type Cached = { token: string; exceptions: Exceptions };
let cache: Cached | null = null;

/** The exceptions in force (cached per version token: one small query when nothing changed). */
export async function loadExceptions(db: Db | Tx): Promise<Exceptions> {
  const v = await db.calendarVersion.findUnique({ where: { id: 1 }, select: { token: true } });
  const token = v?.token ?? "none";
  if (cache && cache.token === token) return cache.exceptions;
  const rows = token === "none" ? [] : await db.calendarDay.findMany({ select: { day: true, kind: true } });
  const exceptions = exceptionsOf(rows.map((r) => ({ day: dayOf(r.day), kind: r.kind })));
  cache = { token, exceptions };
  return exceptions;
}

async function bumpVersion(tx: Tx) {
  const token = randomUUID();
  await tx.calendarVersion.upsert({ where: { id: 1 }, create: { id: 1, token }, update: { token } });
}

const view = (r: { day: Date; kind: "holiday" | "workday"; name: string }): CalendarException => ({ day: dayOf(r.day), kind: r.kind, name: r.name });

/** One year's exceptions, in day order, with the counts the page shows. */
export async function listYear(db: Db, raw: { year: number }) {
  const { year } = ZCalendarYear.parse(raw);
  const rows = await db.calendarDay.findMany({
    where: { day: { gte: dateOfDay(`${year}-01-01`), lte: dateOfDay(`${year}-12-31`) } },
    orderBy: { day: "asc" },
    select: { day: true, kind: true, name: true },
  });
  const days = rows.map(view);
  const years = await db.$queryRaw<{ y: number }[]>`SELECT DISTINCT EXTRACT(YEAR FROM "day")::int AS y FROM "CalendarDay" ORDER BY y`;
  return { year, days, holidays: days.filter((d) => d.kind === "holiday").length, workdays: days.filter((d) => d.kind === "workday").length, years: years.map((r) => Number(r.y)) };
}

/** Add a 放假 or 调休上班 day, or change the one entered for that day. */
export async function setDay(db: Db, actor: Actor, raw: TCalendarDayInput) {
  const input = ZCalendarDayInput.parse(raw);
  if (isPointless(input)) throw new DomainError("CALENDAR_KIND_POINTLESS", { day: input.day });
  return inTransaction(db, async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { day: dateOfDay(input.day) }, select: { day: true, kind: true, name: true } });
    const data = { kind: input.kind, name: input.name, updatedById: actor.id };
    await tx.calendarDay.upsert({ where: { day: dateOfDay(input.day) }, create: { day: dateOfDay(input.day), ...data }, update: data });
    await bumpVersion(tx);
    await writeAudit(tx, actor, { action: "calendar.setDay", entity: "CalendarDay", entityId: input.day, before: before ? view(before) : null, after: input });
    return input;
  });
}

/** Remove an exception: the day follows the weekday rule again. The audit keeps what it was. */
export async function removeDay(db: Db, actor: Actor, raw: { day: string }) {
  const { day } = ZCalendarDayRef.parse(raw);
  return inTransaction(db, async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { day: dateOfDay(day) }, select: { day: true, kind: true, name: true } });
    if (!before) throw new DomainError("CALENDAR_DAY_UNKNOWN", { day });
    // Conditional on the row read: two admins removing the same day remove it once.
    const { count } = await tx.calendarDay.deleteMany({ where: { day: dateOfDay(day) } });
    if (count !== 1) throw new DomainError("CALENDAR_DAY_UNKNOWN", { day });
    await bumpVersion(tx);
    await writeAudit(tx, actor, { action: "calendar.removeDay", entity: "CalendarDay", entityId: day, before: view(before), after: null });
    return { day };
  });
}

/**
 * Import a list (the State Council's notice). Days listed are set; with replaceYear, the other
 * exceptions of the years the list covers are removed (the notice replaces a provisional year).
 * All or nothing: a wrong line changes nothing and names the line.
 */
export async function importDays(db: Db, actor: Actor, raw: TCalendarImport) {
  const input = ZCalendarImport.parse(raw);
  const parsed = parseCalendarImport(input.text);
  if (!parsed.ok) throw new DomainError("CALENDAR_IMPORT_LINE", { line: parsed.line, text: parsed.text.slice(0, 60), reason: parsed.reason });
  const years = [...new Set(parsed.days.map((d) => Number(d.day.slice(0, 4))))].sort();
  return inTransaction(db, async (tx) => {
    let removed = 0;
    if (input.replaceYear) {
      const keep = parsed.days.map((d) => dateOfDay(d.day));
      for (const y of years) {
        const res = await tx.calendarDay.deleteMany({ where: { day: { gte: dateOfDay(`${y}-01-01`), lte: dateOfDay(`${y}-12-31`), notIn: keep } } });
        removed += res.count;
      }
    }
    for (const d of parsed.days) {
      const data = { kind: d.kind, name: d.name, updatedById: actor.id };
      await tx.calendarDay.upsert({ where: { day: dateOfDay(d.day) }, create: { day: dateOfDay(d.day), ...data }, update: data });
    }
    await bumpVersion(tx);
    await writeAudit(tx, actor, { action: "calendar.import", entity: "CalendarDay", entityId: years.join(","), after: { years, set: parsed.days.length, removed, replaceYear: input.replaceYear, days: parsed.days } });
    return { years, set: parsed.days.length, removed };
  });
}

/** Seed helper: enter a list of days unless the year already has any (idempotent, not audited as a person's act). */
export async function seedYear(tx: Tx, days: readonly CalendarException[]): Promise<number> {
  let n = 0;
  for (const d of days) {
    const res = await tx.calendarDay.createMany({ data: [{ day: dateOfDay(d.day), kind: d.kind, name: d.name }], skipDuplicates: true });
    n += res.count;
  }
  if (n) await bumpVersion(tx);
  return n;
}
