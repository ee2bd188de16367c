import type { Db } from "../../db/client";
import { endOfShanghaiDay, startOfShanghaiDay } from "../time";
import type { TListAudit } from "./audit.schema";

/** Newest first, paged by id (a keyset: no OFFSET scans, no unbounded COUNT on a growing log). */
export async function listAudit(db: Db, input: TListAudit) {
  const rows = await db.auditLog.findMany({
    where: {
      ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
      ...(input.actor ? { actorName: { contains: input.actor } } : {}),
      ...(input.action ? { action: { startsWith: input.action } } : {}),
      ...(input.entity ? { entity: input.entity } : {}),
      ...(input.entityId ? { entityId: input.entityId } : {}),
      ...(input.from || input.to
        ? { at: { ...(input.from ? { gte: startOfShanghaiDay(input.from) } : {}), ...(input.to ? { lt: endOfShanghaiDay(input.to) } : {}) } }
        : {}),
    },
    orderBy: { id: "desc" },
    take: input.pageSize + 1,
    select: { id: true, at: true, actorName: true, action: true, entity: true, entityId: true, before: true, after: true, ip: true, hash: true },
  });
  const hasMore = rows.length > input.pageSize;
  const page = rows.slice(0, input.pageSize).map((r) => ({ ...r, id: r.id.toString() }));
  return { rows: page, nextCursor: hasMore ? page[page.length - 1]!.id : null };
}

export async function auditFacets(db: Db) {
  const [actions, entities] = await Promise.all([
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), entities: entities.map((e) => e.entity) };
}
