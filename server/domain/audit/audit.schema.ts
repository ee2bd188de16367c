import { z } from "zod";
import { ZDay } from "../calendar-day";

export const ZListAudit = z.object({
  actor: z.string().trim().max(50).optional(),
  action: z.string().trim().max(50).optional(),
  entity: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(80).optional(),
  // Calendar days in Asia/Shanghai, inclusive: "2026-11-01".
  from: ZDay.optional(),
  to: ZDay.optional(),
  // The last row shown: "<at in ms>_<id>" (the list is ordered by time, then id).
  cursor: z.string().regex(/^\d{1,15}_\d{1,19}$/).optional(),
  pageSize: z.number().int().min(10).max(200).default(50),
});
export type TListAudit = z.infer<typeof ZListAudit>;
