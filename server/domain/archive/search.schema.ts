import { z } from "zod";
import { ZDay } from "../calendar-day";

// Shared by the search page (URL → input) and archive.search.records (.input). Messages are keys
// of the catalogue's "validation" namespace.

export const SEARCH_SORTS = ["archiveNo", "formedOn", "createdAt"] as const;
export const RETENTION_FILTERS = ["expiring", "expired"] as const;
export const SEARCH_PAGE_SIZE = 50;
/** Counting stops here: the page says "1000+" instead of scanning the whole archive. */
export const SEARCH_COUNT_CAP = 1000;

export const ZSearchRecords = z.object({
  q: z.string().trim().max(100, "tooLong").optional(),
  classId: z.uuid().optional(),
  status: z.enum(["in_store", "lent", "transferred", "destroyed"]).optional(),
  confidentiality: z.enum(["public", "internal", "secret"]).optional(),
  projectId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  unit: z.string().trim().max(20, "tooLong").optional(),
  formedFrom: ZDay.optional(),
  formedTo: ZDay.optional(),
  retention: z.enum(RETENTION_FILTERS).optional(),
  sort: z.enum(SEARCH_SORTS).default("archiveNo"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(SEARCH_PAGE_SIZE),
});
export type TSearchRecords = z.input<typeof ZSearchRecords>;

// 004 第二十三条: a reveal is justified in writing, and the reason is kept in the audit log.
export const ZRevealClient = z.object({
  clientId: z.uuid(),
  reason: z.string().trim().min(2, "reasonLength").max(200, "reasonLength"),
});
export type TRevealClient = z.infer<typeof ZRevealClient>;

/** The 楼栋 filter searches as you type instead of listing every building (760 in one estate group). */
export const BUILDING_PICK_LIMIT = 20;
export const ZBuildingSearch = z.object({
  q: z.string().trim().max(40, "tooLong").default(""),
  projectId: z.uuid().optional(),
});
export type TBuildingSearch = z.input<typeof ZBuildingSearch>;
export const ZFilterOptions = z.object({ buildingId: z.uuid().optional() }).default({});
