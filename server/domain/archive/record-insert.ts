import type { Tx } from "../../db/tx";
import type { ChecklistCondition, Confidentiality } from "../../db/generated/client";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { allocateSeq, formatArchiveNo } from "./numbering";
import { dateOfDay, retentionExpiry } from "./retention";
import { normaliseSearch, searchGrams } from "./search-text";
import { ensureBoxForRecord } from "../labels/boxes.service";

export type NewArchiveRecord = {
  classId: string;
  title: string;
  formedOn: string; // yyyy-mm-dd (Shanghai day)
  /** undefined → the class's default; null → 永久 */
  retentionYears?: number | null;
  confidentiality: Confidentiality;
  projectId?: string | null;
  buildingId?: string | null;
  unitId?: string | null;
  clientId?: string | null;
  parties?: string | null;
  cabinet?: string | null;
  shelf?: string | null;
  box?: string | null;
  conditions?: ChecklistCondition[];
  remarks?: string | null;
  paperItems?: { name: string; count: number; remark?: string | null }[];
  handoverBatchId?: string | null;
};

/** The text a record is found by: 档号, title, parties, client, project, building and unit. */
export function recordSearchText(parts: (string | null | undefined)[]): { searchText: string; searchGrams: string[] } {
  const searchText = normaliseSearch(parts.filter(Boolean).join(" "));
  return { searchText, searchGrams: searchGrams(searchText) };
}

/** Everything the search text is made of, read from the database for a record's links. */
export async function linkedNames(tx: Tx, links: { projectId?: string | null; buildingId?: string | null; unitId?: string | null; clientId?: string | null }) {
  const [project, building, unit, client] = await Promise.all([
    links.projectId ? tx.project.findUnique({ where: { id: links.projectId }, select: { name: true } }) : null,
    links.buildingId ? tx.building.findUnique({ where: { id: links.buildingId }, select: { name: true } }) : null,
    links.unitId ? tx.unit.findUnique({ where: { id: links.unitId }, select: { number: true } }) : null,
    links.clientId ? tx.client.findUnique({ where: { id: links.clientId }, select: { name: true } }) : null,
  ]);
  return [project?.name, building?.name, unit?.number, client?.name];
}

/**
 * Creates one archive record with the next 档号 of its class and year, its paper items and its
 * audit entry, inside the caller's transaction. A unit implies its building and project.
 */
export async function insertArchiveRecord(tx: Tx, actor: Actor, input: NewArchiveRecord) {
  const cls = await tx.archiveClass.findUnique({ where: { id: input.classId }, select: { id: true, code: true, retentionYears: true, isActive: true } });
  if (!cls || !cls.isActive) throw new DomainError("ARCHIVE_CLASS_UNKNOWN");

  let { projectId = null, buildingId = null } = input;
  const unitId = input.unitId ?? null;
  if (unitId) {
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { buildingId: true, building: { select: { projectId: true } } } });
    if (!unit) throw new DomainError("NOT_FOUND");
    buildingId = unit.buildingId;
    projectId = unit.building.projectId;
  } else if (buildingId) {
    const building = await tx.building.findUnique({ where: { id: buildingId }, select: { projectId: true } });
    if (!building) throw new DomainError("NOT_FOUND");
    projectId = building.projectId;
  }

  const year = Number(input.formedOn.slice(0, 4));
  const seq = await allocateSeq(tx, cls.id, year);
  const archiveNo = formatArchiveNo(cls.code, year, seq);
  const retentionYears = input.retentionYears === undefined ? cls.retentionYears : input.retentionYears;
  const expiresOn = retentionExpiry(input.formedOn, retentionYears);
  const names = await linkedNames(tx, { projectId, buildingId, unitId, clientId: input.clientId });

  const record = await tx.archiveRecord.create({
    data: {
      archiveNo,
      classId: cls.id,
      year,
      seq,
      title: input.title,
      formedOn: dateOfDay(input.formedOn),
      retentionYears,
      expiresOn: expiresOn ? dateOfDay(expiresOn) : null,
      confidentiality: input.confidentiality,
      projectId,
      buildingId,
      unitId,
      clientId: input.clientId ?? null,
      parties: input.parties || null,
      cabinet: input.cabinet || null,
      shelf: input.shelf || null,
      box: input.box || null,
      conditions: input.conditions ?? [],
      remarks: input.remarks || null,
      handoverBatchId: input.handoverBatchId ?? null,
      createdById: actor.id,
      ...recordSearchText([archiveNo, input.title, input.parties, ...names]),
      paperItems: { create: (input.paperItems ?? []).map((p) => ({ name: p.name, count: p.count, remark: p.remark || null })) },
    },
    select: { id: true, archiveNo: true },
  });
  await ensureBoxForRecord(tx, actor, input);
  await writeAudit(tx, actor, {
    action: "archive.create",
    entity: "ArchiveRecord",
    entityId: record.id,
    after: {
      archiveNo,
      title: input.title,
      classCode: cls.code,
      formedOn: input.formedOn,
      retentionYears,
      expiresOn,
      confidentiality: input.confidentiality,
      location: [input.cabinet, input.shelf, input.box].filter(Boolean).join("-") || null,
      paperItems: input.paperItems ?? [],
      handoverBatchId: input.handoverBatchId ?? null,
    },
  });
  return record;
}
