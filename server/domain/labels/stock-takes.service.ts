import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { inTransaction, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { nextDocumentNo } from "../document-number";
import { shanghaiDay } from "../time";
import { locationOf } from "../archive/records.select";
import { boxCode } from "./location";
import { recordsAtWhere } from "./boxes.service";
import { compareStockTake, normaliseArchiveNo, type KnownRecord } from "./stock-take-compare";
import { ZListStockTakes, type TListStockTakes, type TScanArchiveNo, type TStartStockTake, type TWithdrawScan } from "./labels.schema";

// 盘点 (issue 10 §3): the archivist opens a stock-take of a box or a shelf, scans or ticks the
// 档号 of the files physically there, and finishes it. Finishing compares once and writes the
// lines and counts; a finished stock-take never changes (its rows are only ever read).

type Scope = { cabinet: string; shelf: string; box: string | null };
const scopeCode = (s: Scope) => (s.box ? boxCode({ cabinet: s.cabinet, shelf: s.shelf, box: s.box }) : `${s.cabinet}-${s.shelf}`);

export async function startStockTake(db: Db, actor: Actor & { id: string }, input: TStartStockTake) {
  return inTransaction(db, async (tx) => {
    const scope: Scope = { cabinet: input.cabinet, shelf: input.shelf, box: input.box || null };
    let boxId: string | null = null;
    if (scope.box) {
      const box = await tx.storageBox.findUnique({ where: { cabinet_shelf_box: { cabinet: scope.cabinet, shelf: scope.shelf, box: scope.box } }, select: { id: true } });
      if (!box) throw new DomainError("NOT_FOUND");
      boxId = box.id;
    } else if ((await tx.storageBox.count({ where: { cabinet: scope.cabinet, shelf: scope.shelf } })) === 0) {
      throw new DomainError("NOT_FOUND");
    }
    // One open stock-take per place: two archivists counting the same box would split the scans.
    const open = await tx.stockTake.findFirst({ where: { cabinet: scope.cabinet, shelf: scope.shelf, box: scope.box, status: "open" }, select: { takeNo: true } });
    if (open) throw new DomainError("STOCKTAKE_ALREADY_OPEN", { takeNo: open.takeNo, code: scopeCode(scope) });
    const takeNo = await nextDocumentNo(tx, "PD", Number(shanghaiDay(new Date()).slice(0, 4)));
    const take = await tx.stockTake.create({ data: { takeNo, ...scope, boxId, startedById: actor.id }, select: { id: true, takeNo: true } });
    await writeAudit(tx, actor, { action: "labels.startStockTake", entity: "StockTake", entityId: take.id, after: { takeNo, location: scopeCode(scope) } });
    return take;
  });
}

async function openTake(tx: Tx, stockTakeId: string) {
  const take = await tx.stockTake.findUnique({ where: { id: stockTakeId }, select: { id: true, takeNo: true, status: true, cabinet: true, shelf: true, box: true } });
  if (!take) throw new DomainError("NOT_FOUND");
  if (take.status !== "open") throw new DomainError("STOCKTAKE_NOT_OPEN", { takeNo: take.takeNo });
  return take;
}

function inScope(scope: Scope, r: { cabinet: string | null; shelf: string | null; box: string | null; status: string }) {
  return r.cabinet === scope.cabinet && r.shelf === scope.shelf && (!scope.box || r.box === scope.box) && (r.status === "in_store" || r.status === "lent");
}

/** One scanned or ticked 档号; answers at once what it is, so the scanner hears about a stray file. */
export async function scanArchiveNo(db: Db, actor: Actor & { id: string }, input: TScanArchiveNo) {
  const archiveNo = normaliseArchiveNo(input.archiveNo);
  return inTransaction(db, async (tx) => {
    const take = await openTake(tx, input.stockTakeId);
    const { count } = await tx.stockTakeScan.createMany({ data: [{ stockTakeId: take.id, archiveNo, scannedById: actor.id }], skipDuplicates: true });
    const rec = await tx.archiveRecord.findUnique({ where: { archiveNo }, select: { cabinet: true, shelf: true, box: true, status: true } });
    const verdict = !rec ? "unknown" : inScope(take, rec) ? "expected" : "elsewhere";
    if (count === 1) {
      await writeAudit(tx, actor, { action: "labels.scan", entity: "StockTake", entityId: take.id, after: { takeNo: take.takeNo, archiveNo, verdict } });
      return { archiveNo, duplicate: false, verdict, location: rec ? locationOf(rec) : null } as const;
    }
    // The (stockTakeId, archiveNo) row exists: a withdrawn one comes back (a conditional update,
    // so of two scans at once one re-activates and the other hears "already scanned").
    const before = await tx.stockTakeScan.findUnique({
      where: { stockTakeId_archiveNo: { stockTakeId: take.id, archiveNo } },
      select: { id: true, scannedById: true, scannedAt: true, withdrawnAt: true, withdrawnById: true },
    });
    const revived = before?.withdrawnAt
      ? (await tx.stockTakeScan.updateMany({ where: { id: before.id, withdrawnAt: { not: null } }, data: { withdrawnAt: null, withdrawnById: null, scannedById: actor.id, scannedAt: new Date() } })).count === 1
      : false;
    if (revived && before) {
      await writeAudit(tx, actor, {
        action: "labels.rescan",
        entity: "StockTake",
        entityId: take.id,
        before: { takeNo: take.takeNo, archiveNo, scannedById: before.scannedById, scannedAt: before.scannedAt, withdrawnAt: before.withdrawnAt, withdrawnById: before.withdrawnById },
        after: { takeNo: take.takeNo, archiveNo, verdict, scannedById: actor.id, withdrawnAt: null },
      });
    }
    return { archiveNo, duplicate: !revived, verdict, location: rec ? locationOf(rec) : null } as const;
  });
}

/**
 * 撤销 a wrong scan while the stock-take is open. Nothing is deleted: the scan is marked withdrawn
 * (the comparison skips it) and scanning the number again brings it back.
 */
export async function withdrawScan(db: Db, actor: Actor & { id: string }, input: TWithdrawScan) {
  const archiveNo = normaliseArchiveNo(input.archiveNo);
  return inTransaction(db, async (tx) => {
    const take = await openTake(tx, input.stockTakeId);
    const scan = await tx.stockTakeScan.findUnique({
      where: { stockTakeId_archiveNo: { stockTakeId: take.id, archiveNo } },
      select: { id: true, scannedById: true, scannedAt: true, withdrawnAt: true },
    });
    if (!scan) throw new DomainError("STOCKTAKE_SCAN_NOT_FOUND", { archiveNo, takeNo: take.takeNo });
    const withdrawnAt = new Date();
    const { count } = await tx.stockTakeScan.updateMany({ where: { id: scan.id, withdrawnAt: null }, data: { withdrawnAt, withdrawnById: actor.id } });
    if (count !== 1) throw new DomainError("STOCKTAKE_SCAN_WITHDRAWN", { archiveNo });
    await writeAudit(tx, actor, {
      action: "labels.withdrawScan",
      entity: "StockTake",
      entityId: take.id,
      before: { takeNo: take.takeNo, archiveNo, scannedById: scan.scannedById, scannedAt: scan.scannedAt, withdrawnAt: null },
      after: { takeNo: take.takeNo, archiveNo, withdrawnAt, withdrawnById: actor.id },
    });
    return { archiveNo, takeNo: take.takeNo };
  });
}

/** The comparison of what is scanned so far (the open page) or at finishing. */
async function compareNow(tx: Tx | Db, take: Scope & { id: string }) {
  const [expected, scans] = await Promise.all([
    tx.archiveRecord.findMany({ where: recordsAtWhere(take), select: { id: true, archiveNo: true, status: true } }),
    tx.stockTakeScan.findMany({ where: { stockTakeId: take.id, withdrawnAt: null }, select: { archiveNo: true } }),
  ]);
  const expectedNos = new Set(expected.map((r) => r.archiveNo));
  const strays = scans.map((s) => s.archiveNo).filter((no) => !expectedNos.has(no));
  const found = strays.length
    ? await tx.archiveRecord.findMany({ where: { archiveNo: { in: strays } }, select: { id: true, archiveNo: true, cabinet: true, shelf: true, box: true } })
    : [];
  const elsewhere = new Map<string, KnownRecord>(found.map((r) => [r.archiveNo, { id: r.id, archiveNo: r.archiveNo, location: locationOf(r) }]));
  return compareStockTake({ expected: expected.map((r) => ({ id: r.id, archiveNo: r.archiveNo, isLent: r.status === "lent" })), scanned: scans.map((s) => s.archiveNo), elsewhere });
}

/**
 * Finishing is a conditional update open → finished: of two archivists pressing 完成 at once,
 * one writes the result and the other is told it is already finished.
 */
export async function finishStockTake(db: Db, actor: Actor & { id: string }, stockTakeId: string) {
  return inTransaction(db, async (tx) => {
    const take = await openTake(tx, stockTakeId);
    const { lines, counts } = await compareNow(tx, take);
    const { count } = await tx.stockTake.updateMany({
      where: { id: take.id, status: "open" },
      data: {
        status: "finished",
        finishedById: actor.id,
        finishedAt: new Date(),
        presentCount: counts.present,
        missingCount: counts.missing,
        misplacedCount: counts.misplaced,
        unknownCount: counts.unknown,
        onLoanCount: counts.on_loan,
      },
    });
    if (count !== 1) throw new DomainError("STOCKTAKE_NOT_OPEN", { takeNo: take.takeNo });
    if (lines.length) await tx.stockTakeLine.createMany({ data: lines.map((l) => ({ stockTakeId: take.id, ...l })) });
    await writeAudit(tx, actor, {
      action: "labels.finishStockTake",
      entity: "StockTake",
      entityId: take.id,
      before: { status: "open" },
      after: { status: "finished", takeNo: take.takeNo, counts, missing: lines.filter((l) => l.outcome === "missing").map((l) => l.archiveNo) },
    });
    return { takeNo: take.takeNo, counts };
  });
}

const takeSelect = {
  id: true,
  takeNo: true,
  cabinet: true,
  shelf: true,
  box: true,
  boxId: true,
  status: true,
  startedById: true,
  startedAt: true,
  finishedById: true,
  finishedAt: true,
  presentCount: true,
  missingCount: true,
  misplacedCount: true,
  unknownCount: true,
  onLoanCount: true,
  _count: { select: { scans: { where: { withdrawnAt: null } } } },
} satisfies Prisma.StockTakeSelect;

async function namesOf(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }) : [];
  return new Map(users.map((u) => [u.id, u.displayName]));
}

export async function listStockTakes(db: Db, raw: TListStockTakes) {
  const input = ZListStockTakes.parse(raw);
  const where: Prisma.StockTakeWhereInput = { status: input.status, boxId: input.boxId };
  const [rows, total] = await Promise.all([
    db.stockTake.findMany({ where, orderBy: { startedAt: "desc" }, skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: takeSelect }),
    db.stockTake.count({ where }),
  ]);
  const names = await namesOf(db, rows.flatMap((r) => [r.startedById, r.finishedById]));
  return {
    rows: rows.map(({ _count, ...r }) => ({ ...r, location: scopeCode(r), scanCount: _count.scans, startedBy: names.get(r.startedById) ?? null, finishedBy: names.get(r.finishedById ?? "") ?? null })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** A stock-take: the kept lines once finished, the live comparison while open. */
export async function getStockTake(db: Db, stockTakeId: string) {
  const take = await db.stockTake.findUnique({ where: { id: stockTakeId }, select: takeSelect });
  if (!take) throw new DomainError("NOT_FOUND");
  // Every scan, withdrawn ones too: the page shows what was scanned, by whom, and what was taken back.
  const scans = await db.stockTakeScan.findMany({
    where: { stockTakeId },
    orderBy: [{ scannedAt: "desc" }, { archiveNo: "asc" }],
    select: { archiveNo: true, scannedById: true, scannedAt: true, withdrawnAt: true, withdrawnById: true },
  });
  const names = await namesOf(db, [take.startedById, take.finishedById, ...scans.flatMap((x) => [x.scannedById, x.withdrawnById])]);
  const lines =
    take.status === "finished"
      ? await db.stockTakeLine.findMany({ where: { stockTakeId }, orderBy: { archiveNo: "asc" }, select: { archiveNo: true, recordId: true, outcome: true, expectedLocation: true } })
      : (await compareNow(db, take)).lines;
  const titles = await db.archiveRecord.findMany({ where: { id: { in: lines.flatMap((l) => (l.recordId ? [l.recordId] : [])) } }, select: { id: true, title: true } });
  const titleOf = new Map(titles.map((t) => [t.id, t.title]));
  const { _count, ...rest } = take;
  return {
    ...rest,
    location: scopeCode(take),
    scanCount: _count.scans,
    startedBy: names.get(take.startedById) ?? null,
    finishedBy: names.get(take.finishedById ?? "") ?? null,
    lines: lines.map((l) => ({ ...l, title: l.recordId ? (titleOf.get(l.recordId) ?? null) : null })),
    scans: scans.map((x) => ({
      archiveNo: x.archiveNo,
      scannedAt: x.scannedAt,
      scannedBy: names.get(x.scannedById) ?? null,
      withdrawnAt: x.withdrawnAt,
      withdrawnBy: x.withdrawnById ? (names.get(x.withdrawnById) ?? null) : null,
    })),
  };
}
