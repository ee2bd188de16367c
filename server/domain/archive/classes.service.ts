import type { Db } from "../../db/client";
import { inLongTransaction, inTransaction, isUniqueViolation } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import {
  retentionYearsOf,
  type TCreateArchiveClass,
  type TCreateChecklistItem,
  type TUpdateArchiveClass,
  type TUpdateChecklistItem,
} from "./archive.schema";

// Archive classes and their checklists (DOMAIN §1: configurable by the admin). Nothing is ever
// deleted: records keep pointing at their class, so a class or item is deactivated instead.

const classSelect = { id: true, code: true, name: true, description: true, retentionYears: true, isClientFile: true, isActive: true, sortOrder: true } as const;
const itemSelect = { id: true, classId: true, name: true, requiredCount: true, condition: true, sortOrder: true, isActive: true } as const;

export async function listClasses(db: Db, opts: { activeOnly?: boolean } = {}) {
  const rows = await db.archiveClass.findMany({
    where: opts.activeOnly ? { isActive: true } : {},
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { ...classSelect, _count: { select: { checklist: { where: { isActive: true } } } } },
  });
  // Records per class from the monthly tally the database keeps (client_file_summary migration),
  // not a count of the archive: 0.6 s at 1M records, 12 ms from the tally.
  const tallies = await db.archiveMonthTally.groupBy({ by: ["classId"], _sum: { records: true } });
  const recordsOf = new Map(tallies.map((t) => [t.classId, t._sum.records ?? 0]));
  return rows.map(({ _count, ...c }) => ({ ...c, recordCount: recordsOf.get(c.id) ?? 0, checklistCount: _count.checklist }));
}

export async function getClass(db: Db, classId: string) {
  const c = await db.archiveClass.findUnique({
    where: { id: classId },
    select: { ...classSelect, checklist: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: itemSelect } },
  });
  if (!c) throw new DomainError("NOT_FOUND");
  return c;
}

/** The active checklist of a class, for the record form (paper items pre-filled from it). */
export async function activeChecklist(db: Db, classId: string) {
  return db.checklistItem.findMany({
    where: { classId, isActive: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, requiredCount: true, condition: true },
  });
}

export async function createClass(db: Db, actor: Actor, input: TCreateArchiveClass) {
  try {
    return await inTransaction(db, async (tx) => {
      const c = await tx.archiveClass.create({
        data: {
          code: input.code,
          name: input.name,
          description: input.description || null,
          retentionYears: retentionYearsOf(input),
          isClientFile: input.isClientFile,
          sortOrder: input.sortOrder,
        },
        select: classSelect,
      });
      await writeAudit(tx, actor, { action: "archiveClass.create", entity: "ArchiveClass", entityId: c.id, after: c });
      return c;
    });
  } catch (e) {
    // code and name are both unique; the code is what the admin typed as the key.
    if (isUniqueViolation(e)) throw new DomainError("ARCHIVE_CLASS_CODE_TAKEN", { code: `${input.code} / ${input.name}` });
    throw e;
  }
}

// A class's client-file flag and its checklist decide every one of its files' completeness: the
// database recomputes them all in this transaction (ClientFileState's triggers), hence a long one.
export async function updateClass(db: Db, actor: Actor, input: TUpdateArchiveClass) {
  try {
    return await inLongTransaction(db, async (tx) => {
      const before = await tx.archiveClass.findUnique({ where: { id: input.classId }, select: classSelect });
      if (!before) throw new DomainError("NOT_FOUND");
      // The code is part of every 档号 already issued, so it never changes.
      const after = await tx.archiveClass.update({
        where: { id: input.classId },
        data: {
          name: input.name,
          description: input.description || null,
          retentionYears: retentionYearsOf(input),
          isClientFile: input.isClientFile,
          sortOrder: input.sortOrder,
          isActive: input.isActive,
        },
        select: classSelect,
      });
      await writeAudit(tx, actor, { action: "archiveClass.update", entity: "ArchiveClass", entityId: after.id, before, after });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("ARCHIVE_CLASS_CODE_TAKEN", { code: input.name });
    throw e;
  }
}

export async function createChecklistItem(db: Db, actor: Actor, input: TCreateChecklistItem) {
  try {
    return await inLongTransaction(db, async (tx) => {
      const cls = await tx.archiveClass.findUnique({ where: { id: input.classId }, select: { id: true } });
      if (!cls) throw new DomainError("ARCHIVE_CLASS_UNKNOWN");
      const item = await tx.checklistItem.create({
        data: { classId: input.classId, name: input.name, requiredCount: input.requiredCount, condition: input.condition, sortOrder: input.sortOrder },
        select: itemSelect,
      });
      await writeAudit(tx, actor, { action: "checklistItem.create", entity: "ArchiveClass", entityId: input.classId, after: item });
      return item;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("CHECKLIST_ITEM_TAKEN", { name: input.name });
    throw e;
  }
}

export async function updateChecklistItem(db: Db, actor: Actor, input: TUpdateChecklistItem) {
  try {
    return await inLongTransaction(db, async (tx) => {
      const before = await tx.checklistItem.findUnique({ where: { id: input.itemId }, select: itemSelect });
      if (!before) throw new DomainError("NOT_FOUND");
      const after = await tx.checklistItem.update({
        where: { id: input.itemId },
        data: { name: input.name, requiredCount: input.requiredCount, condition: input.condition, sortOrder: input.sortOrder, isActive: input.isActive },
        select: itemSelect,
      });
      // Logged under the class, so the class's history shows its checklist changes.
      await writeAudit(tx, actor, { action: "checklistItem.update", entity: "ArchiveClass", entityId: before.classId, before, after });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("CHECKLIST_ITEM_TAKEN", { name: input.name });
    throw e;
  }
}
