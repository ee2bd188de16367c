// 档案盒/盘点 demo data: the boxes come with the seeded records (insertArchiveRecord makes them);
// here one finished stock-take of the first box, with one file not found, so the 盘点 pages and
// the box page show a real result. Idempotent: nothing is added once any stock-take exists.
import type { Tx } from "../../server/db/tx";
import { nextDocumentNo } from "../../server/domain/document-number";
import { shanghaiDay } from "../../server/domain/time";
import { compareStockTake } from "../../server/domain/labels/stock-take-compare";
import { recordsAtWhere } from "../../server/domain/labels/boxes.service";
import type { SeedResult } from "./departments";

export async function seedLabels(tx: Tx): Promise<SeedResult> {
  if ((await tx.stockTake.count()) > 0) return { created: 0 };
  const archivist = await tx.user.findUnique({ where: { loginName: "archivist" }, select: { id: true } });
  // The first box with at least two files: one is found, one is not.
  const boxes = await tx.storageBox.findMany({ orderBy: { code: "asc" }, select: { id: true, cabinet: true, shelf: true, box: true } });
  for (const box of boxes) {
    const records = await tx.archiveRecord.findMany({ where: recordsAtWhere(box), orderBy: { archiveNo: "asc" }, select: { id: true, archiveNo: true, status: true } });
    if (!archivist || records.length < 2) continue;
    const scanned = records.slice(1).map((r) => r.archiveNo);
    const { lines, counts } = compareStockTake({ expected: records.map((r) => ({ id: r.id, archiveNo: r.archiveNo, isLent: r.status === "lent" })), scanned, elsewhere: new Map() });
    const startedAt = new Date(Date.now() - 3 * 86_400_000);
    const takeNo = await nextDocumentNo(tx, "PD", Number(shanghaiDay(startedAt).slice(0, 4)));
    await tx.stockTake.create({
      data: {
        takeNo,
        cabinet: box.cabinet,
        shelf: box.shelf,
        box: box.box,
        boxId: box.id,
        status: "finished",
        startedById: archivist.id,
        startedAt,
        finishedById: archivist.id,
        finishedAt: new Date(startedAt.getTime() + 20 * 60_000),
        presentCount: counts.present,
        missingCount: counts.missing,
        misplacedCount: counts.misplaced,
        unknownCount: counts.unknown,
        onLoanCount: counts.on_loan,
        scans: { create: scanned.map((archiveNo) => ({ archiveNo, scannedById: archivist.id, scannedAt: startedAt })) },
        lines: { create: lines },
      },
    });
    return { created: 1 };
  }
  return { created: 0 };
}
