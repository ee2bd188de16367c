import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { nextDocumentNo } from "../document-number";
import { shanghaiDay } from "../time";
import { locationOf } from "../archive/records.select";
import { isGridPrintable, rangeOf, type TLabelGrid } from "./label-grid";
import { recordsAtWhere } from "./boxes.service";
import type { TCreateLabelSheet } from "./labels.schema";

// 标签页: the archivist picks boxes (or files) and a grid; the sheet is kept with its number so the
// print log names it and it can be printed again. Its labels are read fresh at print time: a
// label shows what is in the box now.

export async function createLabelSheet(db: Db, actor: Actor & { id: string }, input: TCreateLabelSheet) {
  const grid: TLabelGrid = { columns: input.columns, rows: input.rows, marginMm: input.marginMm, gapMm: input.gapMm };
  if (!isGridPrintable(grid)) throw new DomainError("LABEL_GRID_TOO_DENSE");
  const targetIds = [...new Set(input.targetIds)];
  return inTransaction(db, async (tx) => {
    const found =
      input.kind === "box"
        ? await tx.storageBox.count({ where: { id: { in: targetIds } } })
        : await tx.archiveRecord.count({ where: { id: { in: targetIds } } });
    if (found !== targetIds.length) throw new DomainError("NOT_FOUND");
    const sheetNo = await nextDocumentNo(tx, "BQ", Number(shanghaiDay(new Date()).slice(0, 4)));
    const sheet = await tx.labelSheet.create({ data: { sheetNo, kind: input.kind, targetIds, ...grid, createdById: actor.id }, select: { id: true, sheetNo: true } });
    await writeAudit(tx, actor, { action: "labels.createSheet", entity: "LabelSheet", entityId: sheet.id, after: { sheetNo, kind: input.kind, count: targetIds.length, grid } });
    return sheet;
  });
}

/** What one label says; `link` is the portal path its QR code opens. */
export type LabelData = { id: string; heading: string; location: string | null; archiveNos: string | null; classes: string | null; units: string | null; files: number | null; title: string | null; link: string };

const unitName = (r: { building: { name: string } | null; unit: { number: string } | null }) => [r.building?.name, r.unit?.number].filter(Boolean).join(" ") || null;

async function boxLabels(db: Db, ids: readonly string[]): Promise<LabelData[]> {
  const boxes = await db.storageBox.findMany({ where: { id: { in: [...ids] } }, select: { id: true, code: true, cabinet: true, shelf: true, box: true } });
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const out: LabelData[] = [];
  for (const id of ids) {
    const b = byId.get(id);
    if (!b) throw new DomainError("NOT_FOUND");
    const records = await db.archiveRecord.findMany({
      where: recordsAtWhere(b),
      select: { archiveNo: true, archiveClass: { select: { name: true } }, building: { select: { name: true } }, unit: { select: { number: true } } },
    });
    out.push({
      id: b.id,
      heading: b.code,
      location: b.code,
      archiveNos: rangeOf(records.map((r) => r.archiveNo)),
      classes: [...new Set(records.map((r) => r.archiveClass.name))].sort().join("、") || null,
      units: rangeOf(records.flatMap((r) => unitName(r) ?? [])),
      files: records.length,
      title: null,
      link: `/archive/boxes/${b.id}`,
    });
  }
  return out;
}

/** A folder label: one file; its QR code opens the unit's page (一户一档), or the file's own page. */
async function folderLabels(db: Db, ids: readonly string[]): Promise<LabelData[]> {
  const records = await db.archiveRecord.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, archiveNo: true, title: true, unitId: true, cabinet: true, shelf: true, box: true, archiveClass: { select: { name: true } }, building: { select: { name: true } }, unit: { select: { number: true } } },
  });
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw new DomainError("NOT_FOUND");
    return {
      id: r.id,
      heading: r.archiveNo,
      location: locationOf(r),
      archiveNos: r.archiveNo,
      classes: r.archiveClass.name,
      units: unitName(r),
      files: null,
      title: r.title,
      link: r.unitId ? `/units/${r.unitId}` : `/archive/${r.id}`,
    };
  });
}

export async function getLabelSheet(db: Db, sheetId: string) {
  const sheet = await db.labelSheet.findUnique({
    where: { id: sheetId },
    select: { id: true, sheetNo: true, kind: true, targetIds: true, columns: true, rows: true, marginMm: true, gapMm: true, createdById: true, createdAt: true },
  });
  if (!sheet) throw new DomainError("NOT_FOUND");
  const labels = sheet.kind === "box" ? await boxLabels(db, sheet.targetIds) : await folderLabels(db, sheet.targetIds);
  return { ...sheet, grid: { columns: sheet.columns, rows: sheet.rows, marginMm: sheet.marginMm, gapMm: sheet.gapMm } satisfies TLabelGrid, labels };
}
