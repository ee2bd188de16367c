import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { endOfShanghaiDay, startOfShanghaiDay } from "../time";
import { prefixRange } from "../search/prefix-range";
import type { TListAudit } from "./audit.schema";

/**
 * Newest first, paged by id (a keyset: no OFFSET scans, no unbounded COUNT on a growing log).
 * Each filter is an index condition: the action's prefix a range on AuditLog(action, at), the
 * entity on AuditLog(entity, entityId), the days on AuditLog(at), and the actor text — matched
 * anywhere in the name — first resolved to the names the log holds, then read by
 * AuditLog(actorName), so a name nobody has answers at once instead of walking the whole log.
 */
export async function listAudit(db: Db, input: TListAudit) {
  const actorNames = input.actor ? (await distinctValues(db, "actorName")).filter((n) => n.includes(input.actor!)) : null;
  if (actorNames?.length === 0) return { rows: [], nextCursor: null };
  const rows = await db.auditLog.findMany({
    where: {
      ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}),
      ...(actorNames ? { actorName: { in: actorNames } } : {}),
      ...(input.action ? { action: prefixRange(input.action) } : {}),
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

/**
 * The distinct values of an indexed column by a loose index scan: one index descent per value
 * (`min(col) WHERE col > previous`), so the cost follows the number of distinct actions,
 * entities or actor names (tens to hundreds), not the size of the log. Prisma's `distinct` read
 * every row into Node.
 */
async function distinctValues(db: Db, column: "action" | "entity" | "actorName"): Promise<string[]> {
  const col = Prisma.raw(`"${column}"`);
  const rows = await db.$queryRaw<{ v: string }[]>`
    WITH RECURSIVE d(v) AS (
      (SELECT ${col} FROM "AuditLog" ORDER BY ${col} LIMIT 1)
      UNION ALL
      SELECT (SELECT ${col} FROM "AuditLog" WHERE ${col} > d.v ORDER BY ${col} LIMIT 1) FROM d WHERE d.v IS NOT NULL
    )
    SELECT v FROM d WHERE v IS NOT NULL`;
  return rows.map((r) => r.v);
}

export async function auditFacets(db: Db) {
  // Served by AuditLog(action, at) and AuditLog(entity, entityId).
  const [actions, entities] = await Promise.all([distinctValues(db, "action"), distinctValues(db, "entity")]);
  return { actions, entities };
}
