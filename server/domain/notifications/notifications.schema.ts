import { z } from "zod";

export const ZListNotifications = z.object({
  unreadOnly: z.boolean().default(false),
  // Keyset paging on (createdAt, id), newest first.
  cursor: z.uuid().optional(),
  pageSize: z.number().int().min(5).max(100).default(30),
});
export type TListNotifications = z.infer<typeof ZListNotifications>;

export const ZMarkRead = z.object({ ids: z.array(z.uuid()).min(1).max(200) });
export type TMarkRead = z.infer<typeof ZMarkRead>;

// "All read" means all the reader has seen: notices that arrived after the page was drawn stay unread.
// Bounded: a JavaScript date can lie far outside PostgreSQL's timestamptz (year -271821: a 500 before).
export const ZMarkAllRead = z.object({
  seenAt: z.coerce.date().min(new Date("2000-01-01T00:00:00Z"), "dateRange").max(new Date("2100-01-01T00:00:00Z"), "dateRange"),
});
export type TMarkAllRead = z.infer<typeof ZMarkAllRead>;
