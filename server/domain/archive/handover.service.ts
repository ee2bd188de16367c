import type { Db } from "../../db/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import type { Role } from "../../auth/roles";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { shanghaiDay } from "../time";
import { insertArchiveRecord } from "./record-insert";
import { visibleRecordsWhere } from "./archive.policy";
import { assertChecking, assertSignable, checkedLine, fileGroups, summarise, type CheckSummary } from "./handover.machine";
import { normaliseBuilding, normaliseUnit, readImportFile, validateRows, type RowError } from "./handover-import";
import { MAX_IMPORT_BYTES, type TCheckItem, type TCreateBatch, type TImportBatch, type TListBatches } from "./handover.schema";

// 移交 (004 第七、八、九条): the marketing department's 移交清单 is entered or imported, the archivist
// checks each line, signs, and only then are the client files created and filed — the same day.

const unitLabelSelect = { number: true, building: { select: { name: true, code: true, sortOrder: true } } } as const;

// ── reading ──────────────────────────────────────────────────────────────────────────────

/** What the new-batch form offers: projects, client-file classes and their checklist names. */
export async function handoverOptions(db: Db) {
  const [projects, classes] = await Promise.all([
    db.project.findMany({ where: { isActive: true }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    db.archiveClass.findMany({
      where: { isActive: true, isClientFile: true },
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, name: true, checklist: { where: { isActive: true }, orderBy: { sortOrder: "asc" }, select: { name: true } } },
    }),
  ]);
  return { projects, classes: classes.map((c) => ({ id: c.id, code: c.code, name: c.name, documents: c.checklist.map((i) => i.name) })) };
}

/** The unit picker: a project's buildings and units, with the owners' names (names only). */
export async function projectUnits(db: Db, projectId: string) {
  const buildings = await db.building.findMany({
    where: { projectId },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      units: { orderBy: [{ floor: "asc" }, { number: "asc" }], select: { id: true, number: true, owners: { select: { client: { select: { name: true } } } } } },
    },
  });
  return buildings.map((b) => ({ ...b, units: b.units.map((u) => ({ id: u.id, number: u.number, owners: u.owners.map((o) => o.client.name) })) }));
}

export async function listBatches(db: Db, input: TListBatches) {
  const where = input.status ? { status: input.status } : {};
  const [total, rows] = await Promise.all([
    db.handoverBatch.count({ where }),
    db.handoverBatch.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { batchNo: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, batchNo: true, fromDept: true, status: true, createdAt: true, signedAt: true, classId: true, project: { select: { name: true } } },
    }),
  ]);
  const ids = rows.map((r) => r.id);
  const [counts, classes] = await Promise.all([
    db.handoverItem.groupBy({ by: ["batchId", "check"], where: { batchId: { in: ids } }, _count: { _all: true } }),
    db.archiveClass.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.classId))] } }, select: { id: true, name: true } }),
  ]);
  const className = new Map(classes.map((c) => [c.id, c.name]));
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((r) => {
      const s: CheckSummary = { lines: 0, pending: 0, received: 0, missing: 0, wrong: 0 };
      for (const c of counts) if (c.batchId === r.id) (s[c.check] += c._count._all), (s.lines += c._count._all);
      return { ...r, className: className.get(r.classId) ?? "", summary: s };
    }),
  };
}

export async function getBatch(db: Db, roles: readonly Role[], batchId: string) {
  const b = await db.handoverBatch.findUnique({
    where: { id: batchId },
    select: {
      id: true,
      batchNo: true,
      fromDept: true,
      status: true,
      note: true,
      classId: true,
      createdById: true,
      createdAt: true,
      signedById: true,
      signedAt: true,
      project: { select: { id: true, name: true } },
      items: {
        orderBy: { lineNo: "asc" },
        select: {
          id: true,
          lineNo: true,
          unitId: true,
          unit: { select: unitLabelSelect },
          clientName: true,
          clientId: true,
          documentName: true,
          expectedCount: true,
          receivedCount: true,
          check: true,
          remark: true,
          checkedById: true,
          checkedAt: true,
        },
      },
      records: {
        where: visibleRecordsWhere(roles),
        orderBy: [{ year: "asc" }, { seq: "asc" }],
        select: { id: true, archiveNo: true, title: true, clientId: true, unitId: true, _count: { select: { paperItems: true } } },
      },
    },
  });
  if (!b) throw new DomainError("NOT_FOUND");
  const userIds = [b.createdById, b.signedById, ...b.items.map((i) => i.checkedById)].filter((x): x is string => !!x);
  const [cls, users] = await Promise.all([
    db.archiveClass.findUnique({ where: { id: b.classId }, select: { code: true, name: true } }),
    db.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, displayName: true } }),
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  return {
    ...b,
    className: cls?.name ?? "",
    createdBy: b.createdById ? (nameOf.get(b.createdById) ?? "") : "",
    signedBy: b.signedById ? (nameOf.get(b.signedById) ?? "") : "",
    items: b.items.map(({ checkedById, unit, ...i }) => ({
      ...i,
      unitLabel: unit ? `${unit.building.name}${unit.number}` : "",
      checkedBy: checkedById ? (nameOf.get(checkedById) ?? "") : "",
    })),
    records: b.records.map(({ _count, ...r }) => ({ ...r, paperItemCount: _count.paperItems })),
    summary: summarise(b.items),
  };
}

// ── creating ─────────────────────────────────────────────────────────────────────────────

/**
 * `YJ-2026-0001`: gap-free per Shanghai year. The next number is read from the batches
 * themselves inside the SERIALIZABLE transaction that inserts the batch, so a rolled-back batch
 * leaves no hole; two concurrent creators conflict (serialization failure, retried by
 * inTransaction) or, at worst, hit the unique batchNo and are retried by createBatch. The
 * per-class ArchiveCounter is not used: batches are numbered across classes, and its rows mean
 * 档号 sequences.
 */
async function nextBatchNo(tx: Tx, year: number): Promise<string> {
  const prefix = `YJ-${year}-`;
  const rows = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT max(split_part("batchNo", '-', 3)::int) AS "last" FROM "HandoverBatch" WHERE "batchNo" LIKE ${prefix + "%"}`;
  return `${prefix}${String((rows[0]?.last ?? 0) + 1).padStart(4, "0")}`;
}

type Source = { source: "manual" } | { source: "import"; fileName: string };

export async function createBatch(db: Db, actor: Actor & { id: string }, input: TCreateBatch, src: Source = { source: "manual" }) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, (tx) => insertBatch(tx, actor, input, src));
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 5) throw e;
    }
  }
}

async function insertBatch(tx: Tx, actor: Actor & { id: string }, input: TCreateBatch, src: Source) {
  // One connection per transaction: queries in sequence (pg warns about overlapping ones).
  const cls = await tx.archiveClass.findUnique({ where: { id: input.classId }, select: { id: true, code: true, name: true, isActive: true, isClientFile: true } });
  const project = await tx.project.findUnique({ where: { id: input.projectId }, select: { id: true, name: true } });
  if (!cls || !cls.isActive) throw new DomainError("ARCHIVE_CLASS_UNKNOWN");
  // Hand-overs bring client files (客户信息/入住/产权档案), which are kept per unit and client.
  if (!cls.isClientFile) throw new DomainError("HANDOVER_NOT_CLIENT_FILE", { name: cls.name });
  if (!project) throw new DomainError("NOT_FOUND");

  const unitIds = [...new Set(input.lines.map((l) => l.unitId))];
  const units = await tx.unit.findMany({
    where: { id: { in: unitIds }, building: { projectId: project.id } },
    select: { id: true, owners: { select: { clientId: true, client: { select: { name: true } } } } },
  });
  const unitById = new Map(units.map((u) => [u.id, u]));
  const seen = new Map<string, number>();
  input.lines.forEach((l, i) => {
    if (!unitById.has(l.unitId)) throw new DomainError("HANDOVER_UNIT_NOT_IN_PROJECT", { line: i + 1 });
    const key = `${l.unitId}\u0000${l.clientName}\u0000${l.documentName}`;
    const first = seen.get(key);
    if (first !== undefined) throw new DomainError("HANDOVER_DUPLICATE_LINE", { line: i + 1, first });
    seen.set(key, i + 1);
  });

  const batchNo = await nextBatchNo(tx, Number(shanghaiDay(new Date()).slice(0, 4)));
  const batch = await tx.handoverBatch.create({
    data: { batchNo, fromDept: input.fromDept, projectId: project.id, classId: cls.id, note: input.note || null, createdById: actor.id },
    select: { id: true, batchNo: true },
  });
  await tx.handoverItem.createMany({
    data: input.lines.map((l, i) => ({
      batchId: batch.id,
      lineNo: i + 1,
      unitId: l.unitId,
      clientName: l.clientName,
      // The unit's owner of that name, when the client is on file (the list has names only).
      clientId: unitById.get(l.unitId)!.owners.find((o) => o.client.name === l.clientName)?.clientId ?? null,
      documentName: l.documentName,
      expectedCount: l.expectedCount,
    })),
  });
  await writeAudit(tx, actor, {
    action: "handover.create",
    entity: "HandoverBatch",
    entityId: batch.id,
    after: {
      batchNo,
      fromDept: input.fromDept,
      project: project.name,
      classCode: cls.code,
      note: input.note || null,
      lines: input.lines.length,
      ...src,
    },
  });
  return { ...batch, lines: input.lines.length };
}

export type ImportResult = { ok: true; batchId: string; batchNo: string; lines: number } | { ok: false; errors: RowError[] };

/**
 * A 移交清单 file becomes a batch only when every row is good: otherwise the row errors are
 * returned (all of them, with the spreadsheet's row numbers) and nothing is created.
 */
export async function importBatch(db: Db, actor: Actor & { id: string }, input: TImportBatch): Promise<ImportResult> {
  const bytes = Buffer.from(input.contentBase64, "base64");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new DomainError("HANDOVER_FILE_TOO_LARGE", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const rows = await readImportFile(bytes, input.fileName);
  const { valid, errors } = validateRows(rows);

  const buildings = await db.building.findMany({ where: { projectId: input.projectId }, select: { code: true, name: true, units: { select: { id: true, number: true } } } });
  const buildingOf = new Map<string, (typeof buildings)[number]>();
  for (const b of buildings) {
    buildingOf.set(normaliseBuilding(b.code), b);
    buildingOf.set(normaliseBuilding(b.name), b);
  }
  const lines: TCreateBatch["lines"] = [];
  for (const r of valid) {
    const b = buildingOf.get(normaliseBuilding(r.building));
    if (!b) {
      errors.push({ rowNo: r.rowNo, code: "buildingUnknown", params: { building: r.building } });
      continue;
    }
    const unit = b.units.find((u) => u.number === r.unit) ?? b.units.find((u) => normaliseUnit(u.number) === normaliseUnit(r.unit));
    if (!unit) {
      errors.push({ rowNo: r.rowNo, code: "unitUnknown", params: { building: b.name, unit: r.unit } });
      continue;
    }
    lines.push({ unitId: unit.id, clientName: r.clientName, documentName: r.documentName, expectedCount: r.expectedCount });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.rowNo - b.rowNo) };

  const { fileName, contentBase64: _content, ...header } = input;
  const batch = await createBatch(db, actor, { ...header, lines }, { source: "import", fileName });
  return { ok: true, batchId: batch.id, batchNo: batch.batchNo, lines: batch.lines };
}

// ── checking and signing ─────────────────────────────────────────────────────────────────

export async function checkItem(db: Db, actor: Actor & { id: string }, input: TCheckItem) {
  return inTransaction(db, async (tx) => {
    const item = await tx.handoverItem.findUnique({
      where: { id: input.itemId },
      select: { id: true, lineNo: true, expectedCount: true, check: true, receivedCount: true, remark: true, batch: { select: { id: true, status: true, batchNo: true } } },
    });
    if (!item) throw new DomainError("NOT_FOUND");
    assertChecking(item.batch);
    const next = checkedLine(item, input);
    // Conditional on the batch still being 核对中: a sign that commits first wins, and this fails.
    const { count } = await tx.handoverItem.updateMany({
      where: { id: item.id, batch: { status: "checking" } },
      data: { ...next, checkedById: actor.id, checkedAt: new Date() },
    });
    if (count !== 1) throw new DomainError("HANDOVER_SIGNED", { batchNo: item.batch.batchNo });
    await writeAudit(tx, actor, {
      action: "handover.check",
      entity: "HandoverBatch",
      entityId: item.batch.id,
      before: { lineNo: item.lineNo, check: item.check, receivedCount: item.receivedCount, remark: item.remark },
      after: { lineNo: item.lineNo, ...next },
    });
    return { itemId: item.id, ...next };
  });
}

/** The usual case: everything on the list arrived. Marks every still-pending line 已收到. */
export async function checkAllReceived(db: Db, actor: Actor & { id: string }, batchId: string) {
  return inTransaction(db, async (tx) => {
    const batch = await tx.handoverBatch.findUnique({ where: { id: batchId }, select: { id: true, status: true, batchNo: true } });
    if (!batch) throw new DomainError("NOT_FOUND");
    assertChecking(batch);
    const pending = await tx.handoverItem.findMany({ where: { batchId, check: "pending" }, orderBy: { lineNo: "asc" }, select: { lineNo: true } });
    const count = await tx.$executeRaw`
      UPDATE "HandoverItem" i SET "check" = 'received'::"HandoverCheck", "receivedCount" = i."expectedCount",
             "checkedById" = ${actor.id}::uuid, "checkedAt" = now()
      FROM "HandoverBatch" b
      WHERE i."batchId" = b."id" AND b."id" = ${batchId}::uuid AND b."status" = 'checking'::"HandoverStatus" AND i."check" = 'pending'::"HandoverCheck"`;
    if (count !== pending.length) throw new DomainError("HANDOVER_SIGNED", { batchNo: batch.batchNo });
    await writeAudit(tx, actor, {
      action: "handover.check_all",
      entity: "HandoverBatch",
      entityId: batch.id,
      before: { pendingLines: pending.map((p) => p.lineNo) },
      after: { check: "received", lines: count },
    });
    return { checked: count };
  });
}

/**
 * 签收: in one transaction the batch goes 核对中 → 已签收 (conditional update: of two concurrent
 * signs exactly one wins) and one client file per (unit, client) is created and filed in
 * shelving order, so their 档号 are consecutive; each creation is audited by insertArchiveRecord.
 */
export async function signBatch(db: Db, actor: Actor & { id: string }, batchId: string) {
  return inTransaction(db, async (tx) => {
    const batch = await tx.handoverBatch.findUnique({
      where: { id: batchId },
      select: { id: true, batchNo: true, status: true, classId: true, project: { select: { name: true } } },
    });
    if (!batch) throw new DomainError("NOT_FOUND");
    const items = await tx.handoverItem.findMany({
      where: { batchId },
      orderBy: { lineNo: "asc" },
      select: { lineNo: true, unitId: true, unit: { select: unitLabelSelect }, clientName: true, clientId: true, documentName: true, receivedCount: true, check: true, remark: true },
    });
    const summary = summarise(items);
    assertSignable(batch, summary);

    const signedAt = new Date();
    const { count } = await tx.handoverBatch.updateMany({ where: { id: batch.id, status: "checking" }, data: { status: "signed", signedById: actor.id, signedAt } });
    if (count !== 1) throw new DomainError("HANDOVER_SIGNED", { batchNo: batch.batchNo });

    const cls = await tx.archiveClass.findUnique({ where: { id: batch.classId }, select: { name: true } });
    const unitOf = new Map(items.map((i) => [i.unitId, i.unit]));
    // Shelving order (building → unit, DOMAIN "People and roles"): consecutive 档号 follow the shelves.
    const shelfKey = (unitId: string | null) => {
      const u = unitOf.get(unitId);
      return u ? `${String(u.building.sortOrder).padStart(6, "0")} ${u.building.code.padStart(10, "0")} ${u.number.padStart(10, "0")}` : "~";
    };
    const groups = fileGroups(items).sort((a, b) => shelfKey(a.unitId).localeCompare(shelfKey(b.unitId)) || a.clientName.localeCompare(b.clientName, "zh-CN"));
    const today = shanghaiDay(signedAt);
    const records: { id: string; archiveNo: string }[] = [];
    for (const g of groups) {
      const u = unitOf.get(g.unitId);
      const place = u ? `${batch.project?.name ?? ""}${u.building.name}${u.number}` : (batch.project?.name ?? "");
      records.push(
        await insertArchiveRecord(tx, actor, {
          classId: batch.classId,
          title: [cls?.name, place, g.clientName].filter(Boolean).join(" · "),
          formedOn: today,
          // Client files hold personal information: 内部 by default (004 第二十三条).
          confidentiality: "internal",
          unitId: g.unitId,
          clientId: g.clientId,
          parties: g.clientName,
          remarks: `移交批次 ${batch.batchNo}`,
          paperItems: g.paperItems,
          handoverBatchId: batch.id,
        }),
      );
    }
    const notArrived = items.filter((i) => i.check === "missing" || i.check === "wrong");
    await writeAudit(tx, actor, {
      action: "handover.sign",
      entity: "HandoverBatch",
      entityId: batch.id,
      before: { status: "checking" },
      after: {
        status: "signed",
        batchNo: batch.batchNo,
        summary,
        records: records.map((r) => r.archiveNo),
        problems: notArrived.map((i) => ({ lineNo: i.lineNo, check: i.check, document: i.documentName, client: i.clientName, remark: i.remark })),
      },
    });
    return { batchNo: batch.batchNo, summary, records };
  });
}
