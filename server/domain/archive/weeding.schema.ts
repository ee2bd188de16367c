import { z } from "zod";

// Shared by the weeding pages' forms and the weeding procedures.
export const ZWeedingListId = z.object({ listId: z.uuid() });

export const ZWeedingProposals = z.object({
  classId: z.uuid().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(500).default(100),
});
export type TWeedingProposals = z.input<typeof ZWeedingProposals>;

export const ZListWeedingLists = z.object({
  status: z.enum(["draft", "submitted", "approved", "rejected", "done"]).optional(),
  kind: z.enum(["destroy", "transfer"]).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListWeedingLists = z.input<typeof ZListWeedingLists>;

export const ZCreateWeedingList = z.object({
  kind: z.enum(["destroy", "transfer"]),
  reason: z.string().trim().min(2, "reasonLength").max(200, "reasonLength"),
  recordIds: z.array(z.uuid()).min(1, "recordsRequired").max(500, "tooMany"),
});
export type TCreateWeedingList = z.infer<typeof ZCreateWeedingList>;

/** Approve: the comment is optional; reject and void: a reason the requester can act on. */
export const ZApproveWeedingList = z.object({ listId: z.uuid(), comment: z.string().trim().max(200, "tooLong").optional() });
export type TApproveWeedingList = z.infer<typeof ZApproveWeedingList>;
export const ZRejectWeedingList = z.object({ listId: z.uuid(), comment: z.string().trim().min(2, "reasonLength").max(200, "reasonLength") });
export type TRejectWeedingList = z.infer<typeof ZRejectWeedingList>;
