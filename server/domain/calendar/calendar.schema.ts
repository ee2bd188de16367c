import { z } from "zod";
import { ZDay } from "../calendar-day";
import { EXCEPTION_KINDS } from "./working-days";
import { LADDER_KEYS, LADDER_TARGETS } from "./ladder";

const ZYear = z.coerce.number().int().min(2000).max(2100);

export const ZCalendarYear = z.object({ year: ZYear });
export const ZCalendarDayInput = z.object({
  day: ZDay,
  kind: z.enum(EXCEPTION_KINDS),
  name: z.string().trim().min(1).max(30),
});
export type TCalendarDayInput = z.infer<typeof ZCalendarDayInput>;
export const ZCalendarDayRef = z.object({ day: ZDay });
/** One line per day: `2026-10-01 放假 国庆节` or `2026-10-10 上班 国庆节调休` (also holiday/workday, tabs or commas). */
export const ZCalendarImport = z.object({ text: z.string().trim().min(1).max(20_000), replaceYear: z.boolean().default(false) });
export type TCalendarImport = z.input<typeof ZCalendarImport>;

export const ZLadderLevel = z.object({
  level: z.coerce.number().int().min(1).max(9),
  afterHours: z.coerce.number().int().min(0).max(24 * 366),
  to: z.array(z.enum(LADDER_TARGETS)).min(1),
});
export const ZLadderUpdate = z.object({ key: z.enum(LADDER_KEYS), levels: z.array(ZLadderLevel).min(1).max(9) });
export type TLadderUpdate = z.input<typeof ZLadderUpdate>;
