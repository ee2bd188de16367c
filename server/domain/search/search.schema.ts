import { z } from "zod";

// The header's search box (a few hits per group, as you type) and the /search page (more).
export const GLOBAL_SEARCH_KINDS = ["units", "clients", "records", "complaints", "loans"] as const;
export type GlobalSearchKind = (typeof GLOBAL_SEARCH_KINDS)[number];

export const ZGlobalSearch = z.object({
  q: z.string().trim().min(1, "required").max(100, "tooLong"),
  limit: z.number().int().min(1).max(50).default(5),
});
export type TGlobalSearch = z.input<typeof ZGlobalSearch>;
