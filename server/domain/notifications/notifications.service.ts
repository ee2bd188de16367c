import type { Db } from "../../db/client";
import type { TListNotifications } from "./notifications.schema";

// Reading a notice is not an official state change, so it is not audited; the notices
// themselves are never deleted.

export async function listNotifications(db: Db, userId: string, input: TListNotifications) {
  const cursorRow = input.cursor ? await db.notification.findFirst({ where: { id: input.cursor, userId }, select: { id: true, createdAt: true } }) : null;
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(input.unreadOnly ? { readAt: null } : {}),
      ...(cursorRow ? { OR: [{ createdAt: { lt: cursorRow.createdAt } }, { createdAt: cursorRow.createdAt, id: { lt: cursorRow.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.pageSize + 1,
    select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
  });
  const more = rows.length > input.pageSize;
  const items = more ? rows.slice(0, input.pageSize) : rows;
  return { items, nextCursor: more ? items[items.length - 1]!.id : null };
}

export function countUnread(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks the caller's own notices read; someone else's ids are ignored. */
export async function markRead(db: Db, userId: string, ids: readonly string[], now = new Date()): Promise<number> {
  const res = await db.notification.updateMany({ where: { userId, id: { in: [...ids] }, readAt: null }, data: { readAt: now } });
  return res.count;
}

export async function markAllRead(db: Db, userId: string, seenAt: Date, now = new Date()): Promise<number> {
  const res = await db.notification.updateMany({ where: { userId, readAt: null, createdAt: { lte: seenAt } }, data: { readAt: now } });
  return res.count;
}

/** Opens one notice: marks it read and says where it leads (null when it is not the caller's). */
export async function openNotification(db: Db, userId: string, id: string, now = new Date()): Promise<{ link: string | null } | null> {
  const row = await db.notification.findFirst({ where: { id, userId }, select: { link: true, readAt: true } });
  if (!row) return null;
  if (!row.readAt) await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  return { link: row.link };
}
