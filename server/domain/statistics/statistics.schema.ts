import { z } from "zod";
import { MAX_MONTHS, MONTH, monthCount, monthsBefore } from "./months";

// The filters of the loan and archive statistics pages, their procedures and exports: a period of
// Shanghai months and, optionally, one project. Messages are keys of the "validation" namespace.
const ZMonth = z.string().regex(MONTH, "month");
const wellFormed = (p: { from: string; to: string }) => MONTH.test(p.from) && MONTH.test(p.to);

export const ZStatsPeriod = z
  .object({
    from: ZMonth,
    to: ZMonth,
    projectId: z.uuid().optional(),
  })
  // Only two well-formed months are compared (a malformed one already has its own message).
  .refine((p) => !wellFormed(p) || p.from <= p.to, { message: "periodOrder", path: ["to"] })
  .refine((p) => !wellFormed(p) || p.from > p.to || monthCount(p.from, p.to) <= MAX_MONTHS, { message: "periodTooLong", path: ["from"] });
export type TStatsPeriod = z.input<typeof ZStatsPeriod>;

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The period a page URL or export link carries (`?from=2026-01&to=2026-06&project=…`); a missing
 * or malformed month falls back to the default (the last twelve months up to `thisMonth`), so a
 * hand-edited link still shows the statistics rather than an error.
 */
export function periodFromParams(sp: Params, thisMonth: string, defaultFrom: string): { from: string; to: string; projectId?: string } {
  const from = one(sp.from);
  const to = one(sp.to);
  const project = one(sp.project);
  const f = from && MONTH.test(from) ? from : defaultFrom;
  const t = to && MONTH.test(to) ? to : thisMonth;
  const [lo, hi] = f <= t ? [f, t] : [t, f];
  // A hand-edited link asking for more than the longest period shows its last MAX_MONTHS months.
  const start = monthCount(lo, hi) > MAX_MONTHS ? monthsBefore(hi, MAX_MONTHS - 1) : lo;
  return { from: start, to: hi, ...(project && UUID.test(project) ? { projectId: project } : {}) };
}
