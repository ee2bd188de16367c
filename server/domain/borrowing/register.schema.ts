import { z } from "zod";
import { isCalendarDay, ZDay } from "../calendar-day";

// 借阅登记表 filters, shared by the register page, its procedure and the export route (which
// read them from the query string through filtersFromParams).

export const BORROW_STATUSES = ["requested", "pending_second", "approved", "rejected", "lent", "renewed", "returned", "withdrawn"] as const;
/** Which date the period filter cuts on. */
export const PERIOD_FIELDS = ["requested", "lent", "returned"] as const;
export const REGISTER_SORTS = ["requestedAt", "requestNo", "borrower", "lentAt", "dueOn", "returnedAt"] as const;
export const MAX_EXPORT_ROWS = 10_000;

const day = ZDay;

export const ZRegisterFilters = z
  .object({
    from: day.optional(),
    to: day.optional(),
    periodOf: z.enum(PERIOD_FIELDS).default("requested"),
    /** Part of the borrower's name or login name. */
    borrower: z.string().trim().max(50, "tooLong").optional(),
    /** Part of a 档号 on the slip (KH-2026-0001…), case-insensitive. */
    archiveNo: z.string().trim().max(40, "tooLong").optional(),
    status: z.enum(BORROW_STATUSES).optional(),
    overdueOnly: z.boolean().default(false),
    sort: z.enum(REGISTER_SORTS).default("requestedAt"),
    dir: z.enum(["asc", "desc"]).default("desc"),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "periodOrder", path: ["to"] });
export type TRegisterFilters = z.input<typeof ZRegisterFilters>;
export type RegisterFilters = z.output<typeof ZRegisterFilters>;

export const ZRegisterList = z.intersection(
  ZRegisterFilters,
  z.object({
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  }),
);
export type TRegisterList = z.input<typeof ZRegisterList>;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const pick = <T extends string>(allowed: readonly T[], v: string | undefined): T | undefined => (allowed as readonly string[]).includes(v ?? "") ? (v as T) : undefined;
const isDay = (v: string | undefined) => (v && isCalendarDay(v) ? v : undefined);

/**
 * The filters a page URL or an export link carries (`?from=2026-03-01&status=lent&overdue=1`).
 * Anything malformed is dropped rather than refused: a hand-edited link still shows the register.
 */
export function filtersFromParams(sp: Params): RegisterFilters & { page: number } {
  let from = isDay(one(sp.from));
  let to = isDay(one(sp.to));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    from,
    to,
    periodOf: pick(PERIOD_FIELDS, one(sp.periodOf)) ?? "requested",
    // Cut, then trimmed again: read back from its own link, a filter stays the same filter.
    borrower: one(sp.borrower)?.slice(0, 50).trim() || undefined,
    archiveNo: one(sp.archiveNo)?.slice(0, 40).trim() || undefined,
    status: pick(BORROW_STATUSES, one(sp.status)),
    overdueOnly: one(sp.overdue) === "1",
    sort: pick(REGISTER_SORTS, one(sp.sort)) ?? "requestedAt",
    dir: one(sp.dir) === "asc" ? "asc" : "desc",
    page: Math.min(10_000, Math.max(1, Number(one(sp.page)) || 1)),
  };
}

/** The same filters back as query parameters (for paging, sorting and the export links). */
export function paramsOfFilters(f: Partial<RegisterFilters>): Record<string, string | undefined> {
  return {
    from: f.from,
    to: f.to,
    periodOf: f.periodOf && f.periodOf !== "requested" ? f.periodOf : undefined,
    borrower: f.borrower || undefined,
    archiveNo: f.archiveNo || undefined,
    status: f.status,
    overdue: f.overdueOnly ? "1" : undefined,
    sort: f.sort && f.sort !== "requestedAt" ? f.sort : undefined,
    dir: f.dir === "asc" ? "asc" : undefined,
  };
}

/** Which of the page's filters the printed 借阅登记表 follows: all but the period (its print id) and paging/sorting. */
export type RegisterPrintFilters = Pick<RegisterFilters, "periodOf" | "borrower" | "archiveNo" | "status" | "overdueOnly">;

/** The printed register's filters from its print URL, through the page's own parser (malformed values dropped). */
export function printFiltersFromParams(sp: Params): RegisterPrintFilters {
  const { periodOf, borrower, archiveNo, status, overdueOnly } = filtersFromParams(sp);
  return { periodOf, borrower, archiveNo, status, overdueOnly };
}

/** The same back as query parameters, in the page's names: the register page's 打印 link and the print token carry them. */
export function paramsOfPrintFilters(f: RegisterPrintFilters): Record<string, string | undefined> {
  const { periodOf, borrower, archiveNo, status, overdue } = paramsOfFilters(f);
  return { periodOf, borrower, archiveNo, status, overdue };
}
