import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { endOfShanghaiDay, startOfShanghaiDay } from "../time";
import { prefixRange } from "../search/prefix-range";
import type { TListAudit } from "./audit.schema";

/**
 * Newest first by time, then id, paged by a keyset on (at, id) — no OFFSET scans, no unbounded
 * COUNT on a growing log — so every filter combination is a walk of AuditLog(at, id) backwards
 * from the cursor (or the end of the chosen days) that stops after a page; a page of 50 used to
 * walk the primary key from the newest row to the chosen month (251 000 rows for March 2022).
 * The actor text, matched anywhere in the name, is first resolved to the names the log holds (a
 * loose index scan on AuditLog(actorName)), so a name nobody has answers at once; the action is
 * a prefix range on AuditLog(action, at), the entity AuditLog(entity, entityId).
 */
export async function listAudit(db: Db, input: TListAudit) {
  const actorNames = input.actor ? (await distinctValues(db, "actorName")).filter((n) => n.includes(input.actor!)) : null;
  if (actorNames?.length === 0) return { rows: [], nextCursor: null };
  const after = input.cursor ? parseCursor(input.cursor) : null;
  const rows = await db.auditLog.findMany({
    where: {
      AND: [
        // at ≤ the cursor's time bounds the index walk; the OR drops that instant's rows already shown.
        after ? { at: { lte: after.at }, OR: [{ at: { lt: after.at } }, { id: { lt: after.id } }] } : {},
        actorNames ? { actorName: { in: actorNames } } : {},
        input.action ? { action: prefixRange(input.action) } : {},
        input.entity ? { entity: input.entity } : {},
        input.entityId ? { entityId: input.entityId } : {},
        input.from || input.to
          ? { at: { ...(input.from ? { gte: startOfShanghaiDay(input.from) } : {}), ...(input.to ? { lt: endOfShanghaiDay(input.to) } : {}) } }
          : {},
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: input.pageSize + 1,
    select: { id: true, at: true, actorName: true, action: true, entity: true, entityId: true, before: true, after: true, ip: true, hash: true },
  });
  const hasMore = rows.length > input.pageSize;
  const shown = rows.slice(0, input.pageSize);
  const last = shown[shown.length - 1];
  return { rows: shown.map((r) => ({ ...r, id: r.id.toString() })), nextCursor: hasMore && last ? `${last.at.getTime()}_${last.id}` : null };
}

function parseCursor(cursor: string): { at: Date; id: bigint } {
  const [at, id] = cursor.split("_");
  return { at: new Date(Number(at)), id: BigInt(id!) };
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
