import type { Db } from "../../db/client";
import type { Role } from "../../auth/roles";
import { inTransaction, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { maskIdNumber, maskPhone } from "../privacy/mask";
import { insertArchiveRecord } from "./record-insert";
import { ensureBoxForRecord } from "../labels/boxes.service";
import { assertMaySee } from "./archive.policy";
import { retentionYearsOf, type TCreateArchiveRecord, type TUpdateLocation, type TUpdatePaperItems } from "./archive.schema";
import { checkCompleteness, type Condition } from "./completeness";
import { formedAndExpiry, locationOf, maskedClient, recordDetailSelect } from "./records.select";

// Archive records: registration, the record page, and the keeper's edits (location, paper items).
// Status changes (lent / transferred / destroyed) belong to borrowing and weeding.

/** Registers a file: the 档号 is taken inside the same transaction as the insert (gap-free). */
export async function createRecord(db: Db, actor: Actor, input: TCreateArchiveRecord) {
  return inTransaction(db, async (tx) => {
    await assertLinksAgree(tx, input);
    return insertArchiveRecord(tx, actor, {
      classId: input.classId,
      title: input.title,
      formedOn: input.formedOn,
      retentionYears: input.retention === "class" ? undefined : retentionYearsOf({ retention: input.retention, customYears: input.customYears }),
      confidentiality: input.confidentiality,
      projectId: input.projectId || null,
      buildingId: input.buildingId || null,
      unitId: input.unitId || null,
      clientId: input.clientId || null,
      parties: input.parties,
      cabinet: input.cabinet,
      shelf: input.shelf,
      box: input.box,
      conditions: input.conditions,
      remarks: input.remarks,
      paperItems: input.paperItems,
    });
  });
}

/**
 * The pickers cascade in the form, but the server does not trust them: a unit must lie in the
 * chosen building and project, and a client must own the chosen unit.
 */
async function assertLinksAgree(tx: Tx, input: TCreateArchiveRecord) {
  if (input.unitId) {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { buildingId: true, building: { select: { projectId: true } } } });
    if (!unit) throw new DomainError("NOT_FOUND");
    if ((input.buildingId && input.buildingId !== unit.buildingId) || (input.projectId && input.projectId !== unit.building.projectId)) {
      throw new DomainError("ARCHIVE_UNIT_MISMATCH");
    }
    if (input.clientId) {
      const owns = await tx.clientUnit.findUnique({ where: { clientId_unitId: { clientId: input.clientId, unitId: input.unitId } }, select: { clientId: true } });
      if (!owns) throw new DomainError("ARCHIVE_CLIENT_NOT_OWNER");
    }
  } else if (input.buildingId && input.projectId) {
    const b = await tx.building.findUnique({ where: { id: input.buildingId }, select: { projectId: true } });
    if (!b) throw new DomainError("NOT_FOUND");
    if (b.projectId !== input.projectId) throw new DomainError("ARCHIVE_UNIT_MISMATCH");
  }
  if (input.clientId) {
    const c = await tx.client.findUnique({ where: { id: input.clientId }, select: { id: true } });
    if (!c) throw new DomainError("NOT_FOUND");
  }
}

async function readRecord(db: Db | Tx, roles: readonly Role[], recordId: string) {
  const r = await db.archiveRecord.findUnique({ where: { id: recordId }, select: recordDetailSelect });
  if (!r) throw new DomainError("NOT_FOUND");
  assertMaySee(roles, r);
  return r;
}

export async function getRecord(db: Db, roles: readonly Role[], recordId: string) {
  const r = await readRecord(db, roles, recordId);
  const checklist = await db.checklistItem.findMany({
    where: { classId: r.archiveClass.id, isActive: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { name: true, requiredCount: true, condition: true },
  });
  const completeness = checklist.length > 0 ? checkCompleteness(checklist, r.client?.kind ?? null, r.conditions as Condition[], r.paperItems) : null;
  return {
    ...r,
    ...formedAndExpiry(r),
    client: maskedClient(r.client),
    location: locationOf(r),
    completeness,
  };
}

export async function recordCompleteness(db: Db, roles: readonly Role[], recordId: string) {
  return (await getRecord(db, roles, recordId)).completeness;
}

/** The record's history: every audit entry about it (created, moved, items, lent, weeded …). */
export async function recordHistory(db: Db, roles: readonly Role[], recordId: string) {
  await readRecord(db, roles, recordId);
  const rows = await db.auditLog.findMany({
    where: { entity: "ArchiveRecord", entityId: recordId },
    orderBy: { id: "asc" },
    take: 500,
    select: { id: true, at: true, actorName: true, action: true, before: true, after: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

// A file that is destroyed or transferred out is no longer on our shelves: nothing to move or count.
const ON_SHELF = ["in_store", "lent"] as const;

export async function updateLocation(db: Db, actor: Actor, input: TUpdateLocation) {
  return inTransaction(db, async (tx) => {
    const before = await tx.archiveRecord.findUnique({ where: { id: input.recordId }, select: { archiveNo: true, cabinet: true, shelf: true, box: true, status: true } });
    if (!before) throw new DomainError("NOT_FOUND");
    const data = { cabinet: input.cabinet || null, shelf: input.shelf || null, box: input.box || null };
    // Conditional on the status it was read with: a file weeded meanwhile is not moved.
    const { count } = await tx.archiveRecord.updateMany({ where: { id: input.recordId, status: { in: [...ON_SHELF] } }, data });
    if (count !== 1) throw new DomainError("ARCHIVE_NOT_IN_STORE", { archiveNo: before.archiveNo });
    await ensureBoxForRecord(tx, actor, data);
    await writeAudit(tx, actor, {
      action: "archive.updateLocation",
      entity: "ArchiveRecord",
      entityId: input.recordId,
      before: { location: locationOf(before) },
      after: { location: locationOf(data) },
    });
    return { location: locationOf(data) };
  });
}

/** Replaces the paper item list; the audit entry keeps the whole list before and after. */
export async function updatePaperItems(db: Db, actor: Actor, input: TUpdatePaperItems) {
  return inTransaction(db, async (tx) => {
    const rec = await tx.archiveRecord.findUnique({
      where: { id: input.recordId },
      select: { archiveNo: true, status: true, paperItems: { orderBy: { name: "asc" }, select: { id: true, name: true, count: true, remark: true } } },
    });
    if (!rec) throw new DomainError("NOT_FOUND");
    // Touching the row under the status condition serialises concurrent edits of the same list.
    const { count } = await tx.archiveRecord.updateMany({ where: { id: input.recordId, status: { in: [...ON_SHELF] } }, data: { updatedAt: new Date() } });
    if (count !== 1) throw new DomainError("ARCHIVE_NOT_IN_STORE", { archiveNo: rec.archiveNo });
    const wanted = new Map(input.items.map((i) => [i.name, i]));
    const gone = rec.paperItems.filter((p) => !wanted.has(p.name)).map((p) => p.id);
    if (gone.length) await tx.archivePaperItem.deleteMany({ where: { id: { in: gone } } });
    for (const item of input.items) {
      await tx.archivePaperItem.upsert({
        where: { recordId_name: { recordId: input.recordId, name: item.name } },
        create: { recordId: input.recordId, name: item.name, count: item.count, remark: item.remark || null },
        update: { count: item.count, remark: item.remark || null },
      });
    }
    const strip = (l: { name: string; count: number; remark?: string | null }[]) => l.map((p) => ({ name: p.name, count: p.count, remark: p.remark || null }));
    // Code-point order, as the database (C.UTF-8) sorts them: before and after compare line by line.
    const after = strip([...input.items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
    await writeAudit(tx, actor, { action: "archive.updatePaperItems", entity: "ArchiveRecord", entityId: input.recordId, before: { paperItems: strip(rec.paperItems) }, after: { paperItems: after } });
    return { paperItems: after };
  });
}

// ── pickers for the record form (registrars are not admins, so they get their own reads) ─────
export async function pickProjects(db: Db) {
  return db.project.findMany({
    where: { isActive: true },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, buildings: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } } },
  });
}

export async function pickUnits(db: Db, buildingId: string) {
  return db.unit.findMany({ where: { buildingId }, orderBy: [{ floor: "asc" }, { number: "asc" }], select: { id: true, number: true, floor: true } });
}

/** The unit's owners, masked: the form shows who they are without their ID number. */
export async function unitOwners(db: Db, unitId: string) {
  const rows = await db.clientUnit.findMany({
    where: { unitId },
    orderBy: { since: "asc" },
    select: { relation: true, client: { select: { id: true, name: true, kind: true, idNumber: true, phone: true } } },
  });
  return rows.map((r) => ({
    id: r.client.id,
    name: r.client.name,
    kind: r.client.kind,
    relation: r.relation,
    idMasked: maskIdNumber(r.client.idNumber),
    phoneMasked: maskPhone(r.client.phone),
  }));
}
