import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { inTransaction, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { visibleRecordsWhere } from "../archive/archive.policy";
import { boxCode, boxOfRecord, type BoxLocation } from "./location";
import { ZListBoxes, type TBoxAt, type TCreateBox, type TListBoxes } from "./labels.schema";
import { containsTextInsensitive } from "../search/like-pattern";

// 档案盒: a row per complete location 柜-架-盒. Records keep their location columns; a box is
// found by them, and a box row appears the moment a record is placed in a new location.

/** Files that are on our shelves (destroyed or transferred ones are not in any box any more). */
export const ON_SHELF = ["in_store", "lent"] as const;

/**
 * Called wherever a record's location is written (registration, 位置 edit): the box comes into
 * being with its first file. ON CONFLICT DO NOTHING, so concurrent placements into the same new
 * box do not collide.
 */
export async function ensureBoxForRecord(tx: Tx, actor: Actor, r: { cabinet?: string | null; shelf?: string | null; box?: string | null }): Promise<void> {
  const loc = boxOfRecord({ cabinet: r.cabinet ?? null, shelf: r.shelf ?? null, box: r.box ?? null });
  if (!loc) return;
  await tx.storageBox.createMany({ data: [{ ...loc, code: boxCode(loc), createdById: actor.id }], skipDuplicates: true });
}

/** The records in one box (or on one shelf, box undefined). */
export function recordsAtWhere(loc: { cabinet: string; shelf: string; box?: string | null }): Prisma.ArchiveRecordWhereInput {
  return { cabinet: loc.cabinet, shelf: loc.shelf, ...(loc.box ? { box: loc.box } : {}), status: { in: [...ON_SHELF] } };
}

/** The box at a place, or null (a record placed before boxes existed, or a partial location). */
export async function findBoxAt(db: Db, at: TBoxAt) {
  const loc = boxOfRecord(at);
  if (!loc) return null;
  return db.storageBox.findUnique({ where: { cabinet_shelf_box: loc }, select: { id: true, code: true } });
}

export async function createBox(db: Db, actor: Actor, input: TCreateBox) {
  return inTransaction(db, async (tx) => {
    const loc: BoxLocation = { cabinet: input.cabinet, shelf: input.shelf, box: input.box };
    const code = boxCode(loc);
    const { count } = await tx.storageBox.createMany({ data: [{ ...loc, code, note: input.note || null, createdById: actor.id }], skipDuplicates: true });
    if (count !== 1) throw new DomainError("BOX_EXISTS", { code });
    const box = await tx.storageBox.findUniqueOrThrow({ where: { code }, select: { id: true, code: true } });
    await writeAudit(tx, actor, { action: "labels.createBox", entity: "StorageBox", entityId: box.id, after: { code, note: input.note || null } });
    return box;
  });
}

/** Counts of the visible files on the shelf per box of `boxes` (one grouped query per page). */
async function fileCounts(db: Db, roles: readonly Role[], boxes: readonly BoxLocation[]) {
  if (boxes.length === 0) return new Map<string, number>();
  const groups = await db.archiveRecord.groupBy({
    by: ["cabinet", "shelf", "box"],
    where: { AND: [visibleRecordsWhere(roles), { status: { in: [...ON_SHELF] } }, { OR: boxes.map((b) => ({ cabinet: b.cabinet, shelf: b.shelf, box: b.box })) }] },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [boxCode({ cabinet: g.cabinet!, shelf: g.shelf!, box: g.box! }), g._count._all]));
}

export async function listBoxes(db: Db, roles: readonly Role[], raw: TListBoxes) {
  const input = ZListBoxes.parse(raw);
  const where: Prisma.StorageBoxWhereInput = {
    ...(input.q ? { OR: [{ code: containsTextInsensitive(input.q) }, { note: containsTextInsensitive(input.q) }] } : {}),
    ...(input.cabinet ? { cabinet: input.cabinet } : {}),
    ...(input.shelf ? { shelf: input.shelf } : {}),
  };
  const orderBy: Prisma.StorageBoxOrderByWithRelationInput[] = input.sort === "newest" ? [{ createdAt: "desc" }, { code: "asc" }] : [{ cabinet: "asc" }, { shelf: "asc" }, { box: "asc" }];
  const [rows, total, cabinets, shelves] = await Promise.all([
    db.storageBox.findMany({
      where,
      orderBy,
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, code: true, cabinet: true, shelf: true, box: true, note: true, createdAt: true },
    }),
    db.storageBox.count({ where }),
    // groupBy is GROUP BY … LIMIT in the database; Prisma's `distinct` read every box and de-duplicated in Node.
    db.storageBox.groupBy({ by: ["cabinet"], orderBy: { cabinet: "asc" }, take: 200 }),
    // The shelf filter offers the shelves of the chosen cabinet (every shelf when none is chosen).
    db.storageBox.groupBy({ by: ["shelf"], where: input.cabinet ? { cabinet: input.cabinet } : {}, orderBy: { shelf: "asc" }, take: 200 }),
  ]);
  const counts = await fileCounts(db, roles, rows);
  return {
    rows: rows.map((r) => ({ ...r, fileCount: counts.get(r.code) ?? 0 })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    cabinets: cabinets.map((c) => c.cabinet),
    shelves: shelves.map((c) => c.shelf),
  };
}

export const boxRecordSelect = {
  id: true,
  archiveNo: true,
  title: true,
  status: true,
  confidentiality: true,
  unitId: true,
  archiveClass: { select: { code: true, name: true } },
  client: { select: { name: true } },
  building: { select: { name: true } },
  unit: { select: { number: true } },
} satisfies Prisma.ArchiveRecordSelect;

/** A box and the files in it this user may see (机密 only for the archivist and the manager). */
export async function getBox(db: Db, roles: readonly Role[], boxId: string) {
  const box = await db.storageBox.findUnique({
    where: { id: boxId },
    select: { id: true, code: true, cabinet: true, shelf: true, box: true, note: true, createdAt: true },
  });
  if (!box) throw new DomainError("NOT_FOUND");
  const records = await db.archiveRecord.findMany({
    where: { AND: [visibleRecordsWhere(roles), recordsAtWhere(box)] },
    orderBy: { archiveNo: "asc" },
    take: 1000,
    select: boxRecordSelect,
  });
  return { ...box, records };
}
