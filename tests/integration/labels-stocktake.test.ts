import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { createBorrowRequest } from "../../server/domain/borrowing/requests.service";
import { approveBorrowRequest } from "../../server/domain/borrowing/approvals.service";
import { lendLoan } from "../../server/domain/borrowing/loans.service";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { shanghaiDay } from "../../server/domain/time";
import type { Role } from "../../server/auth/roles";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 盘点 (issue 10 §3): the archivist counts a box or a shelf; finishing compares once (present /
// missing / misplaced with where it belongs / unknown / 借出), keeps the lines, and never changes.
const t = useTestDatabase();
let archivist: Caller;
let archivist2: Caller;
let manager: Caller;
let staff: Caller;
type P = { id: string; name: string; roles: Role[] };
const people = {} as Record<"archivist" | "manager" | "staff", P>;
let classId: string;

async function record(title: string, loc: { cabinet: string; shelf: string; box: string }) {
  return inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: people.archivist.id, name: "test" }, { classId, title, formedOn: "2025-03-01", confidentiality: "internal", ...loc }));
}

beforeAll(async () => {
  const a = await signedInAs(t.db, ["archivist"]);
  archivist = a.caller;
  people.archivist = { id: a.user.id, name: a.user.displayName, roles: ["archivist"] };
  archivist2 = (await signedInAs(t.db, ["archivist"])).caller;
  const m = await signedInAs(t.db, ["manager"]);
  manager = m.caller;
  people.manager = { id: m.user.id, name: m.user.displayName, roles: ["manager"] };
  const s = await signedInAs(t.db, ["staff"]);
  staff = s.caller;
  people.staff = { id: s.user.id, name: s.user.displayName, roles: ["staff"] };
  classId = (await t.db.archiveClass.create({ data: { code: "PD", name: "盘点测档案", retentionYears: 10 }, select: { id: true } })).id;
});

describe("a stock-take of a box", () => {
  it("compares what was scanned with the records: present, missing, 借出, misplaced (with where), unknown", async () => {
    const here = { cabinet: "柜P", shelf: "1层", box: "01盒" };
    const [a, b, c, lent] = [await record("在位卷", here), await record("缺失卷", here), await record("也在位", here), await record("借出卷", here)];
    const stray = await record("别处卷", { cabinet: "柜P", shelf: "2层", box: "05盒" });
    // The lent file goes out through borrowing's own flow.
    const slip = await createBorrowRequest(t.db, people.staff, { recordIds: [lent.id], borrowType: "takeaway", purpose: "盘点测试借出", dueOn: addCalendarDays(shanghaiDay(new Date()), 5) });
    await approveBorrowRequest(t.db, people.manager, { requestId: slip.id, comment: "同意" });
    await lendLoan(t.db, people.archivist, slip.id);

    const take = await archivist.labels.stockTakes.start(here);
    expect(take.takeNo).toMatch(/^PD-\d{4}-\d{4}$/);
    expect((await refusalOf(archivist2.labels.stockTakes.start(here))).domainCode).toBe("STOCKTAKE_ALREADY_OPEN");

    // A scanner types the number and Enter; a person may type lower case.
    expect(await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: a.archiveNo })).toMatchObject({ verdict: "expected", duplicate: false });
    expect(await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: c.archiveNo.toLowerCase() })).toMatchObject({ verdict: "expected", archiveNo: c.archiveNo });
    expect(await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: a.archiveNo })).toMatchObject({ duplicate: true });
    expect(await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: stray.archiveNo })).toMatchObject({ verdict: "elsewhere", location: "柜P-2层-05盒" });
    expect(await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: "ZZ-1999-000001" })).toMatchObject({ verdict: "unknown" });

    // While open the page shows the live comparison; the manager may read it, staff may not.
    const live = await manager.labels.stockTakes.get({ stockTakeId: take.id });
    expect(live.status).toBe("open");
    expect(live.lines.find((l) => l.archiveNo === b.archiveNo)?.outcome).toBe("missing");
    expect((await refusalOf(staff.labels.stockTakes.get({ stockTakeId: take.id }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(manager.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: b.archiveNo }))).code).toBe("FORBIDDEN");

    const done = await archivist.labels.stockTakes.finish({ stockTakeId: take.id });
    expect(done.counts).toEqual({ present: 2, missing: 1, misplaced: 1, unknown: 1, on_loan: 1 });

    const kept = await archivist.labels.stockTakes.get({ stockTakeId: take.id });
    expect(kept.status).toBe("finished");
    expect([kept.presentCount, kept.missingCount, kept.misplacedCount, kept.unknownCount, kept.onLoanCount]).toEqual([2, 1, 1, 1, 1]);
    const byNo = new Map(kept.lines.map((l) => [l.archiveNo, l]));
    expect(byNo.get(a.archiveNo)?.outcome).toBe("present");
    expect(byNo.get(b.archiveNo)?.outcome).toBe("missing");
    expect(byNo.get(lent.archiveNo)?.outcome).toBe("on_loan");
    expect(byNo.get(stray.archiveNo)).toMatchObject({ outcome: "misplaced", expectedLocation: "柜P-2层-05盒", title: "别处卷" });
    expect(byNo.get("ZZ-1999-000001")).toMatchObject({ outcome: "unknown", recordId: null });

    const audit = await t.db.auditLog.findFirst({ where: { action: "labels.finishStockTake", entityId: take.id }, select: { actorId: true, after: true } });
    expect(audit?.actorId).toBe(people.archivist.id);
    expect(audit?.after).toMatchObject({ status: "finished", counts: done.counts, missing: [b.archiveNo] });
  });

  it("a finished stock-take is immutable: no scan, no second finish, and the kept lines do not follow later moves", async () => {
    const here = { cabinet: "柜Q", shelf: "1层", box: "01盒" };
    const r = await record("定格卷", here);
    const take = await archivist.labels.stockTakes.start(here);
    await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: r.archiveNo });
    await archivist.labels.stockTakes.finish({ stockTakeId: take.id });
    const scan = await refusalOf(archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: r.archiveNo }));
    expect([scan.code, scan.domainCode]).toEqual(["CONFLICT", "STOCKTAKE_NOT_OPEN"]);
    expect(scan.message).toContain(take.takeNo);
    expect((await refusalOf(archivist.labels.stockTakes.finish({ stockTakeId: take.id }))).domainCode).toBe("STOCKTAKE_NOT_OPEN");
    await archivist.archive.records.updateLocation({ recordId: r.id, cabinet: "柜Q", shelf: "9层", box: "01盒" });
    const kept = await archivist.labels.stockTakes.get({ stockTakeId: take.id });
    expect(kept.lines).toEqual([expect.objectContaining({ archiveNo: r.archiveNo, outcome: "present" })]);
    // A new stock-take of the same box may start once the last one is finished.
    expect((await archivist.labels.stockTakes.start(here)).takeNo).not.toBe(take.takeNo);
  });

  it("two archivists finishing the same stock-take at once: one result, the other told it is finished", async () => {
    const here = { cabinet: "柜R", shelf: "1层", box: "01盒" };
    const r1 = await record("并发一", here);
    await record("并发二", here);
    const take = await archivist.labels.stockTakes.start(here);
    await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: r1.archiveNo });
    const outcomes = await Promise.allSettled([archivist.labels.stockTakes.finish({ stockTakeId: take.id }), archivist2.labels.stockTakes.finish({ stockTakeId: take.id })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((await refusalOf(Promise.reject(lost.reason))).domainCode).toBe("STOCKTAKE_NOT_OPEN");
    expect(await t.db.stockTakeLine.count({ where: { stockTakeId: take.id } })).toBe(2);
    expect(await t.db.auditLog.count({ where: { action: "labels.finishStockTake", entityId: take.id } })).toBe(1);
  });

  it("a shelf stock-take counts every box on the shelf; an unknown place is refused", async () => {
    await record("架一盒", { cabinet: "柜S", shelf: "1层", box: "01盒" });
    await record("架二盒", { cabinet: "柜S", shelf: "1层", box: "02盒" });
    const take = await archivist.labels.stockTakes.start({ cabinet: "柜S", shelf: "1层" });
    const done = await archivist.labels.stockTakes.finish({ stockTakeId: take.id });
    expect(done.counts.missing).toBe(2);
    expect((await archivist.labels.stockTakes.get({ stockTakeId: take.id })).location).toBe("柜S-1层");
    expect((await refusalOf(archivist.labels.stockTakes.start({ cabinet: "柜无", shelf: "1层", box: "01盒" }))).code).toBe("NOT_FOUND");
    const list = await manager.labels.stockTakes.list({ status: "finished" });
    expect(list.rows.map((r) => r.takeNo)).toContain(take.takeNo);
    expect(list.rows.every((r) => r.status === "finished")).toBe(true);
  });
});

// 撤销 a wrong scan (typo, the wrong folder): nothing is deleted, the comparison skips it, the
// number can be scanned again, and a finished stock-take refuses it.
describe("withdrawing a scan", () => {
  it("marks the scan withdrawn (audited), the comparison ignores it, and a re-scan brings the same row back (audited)", async () => {
    const here = { cabinet: "柜W", shelf: "1层", box: "01盒" };
    const a = await record("撤销卷", here);
    const take = await archivist.labels.stockTakes.start(here);
    await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: a.archiveNo });
    await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: "ZZ-TYPO-0001" });
    expect((await archivist.labels.stockTakes.get({ stockTakeId: take.id })).scanCount).toBe(2);

    // Typed in lower case with blanks: the same number as scanned.
    await archivist.labels.stockTakes.withdrawScan({ stockTakeId: take.id, archiveNo: " zz-typo-0001 " });
    await archivist2.labels.stockTakes.withdrawScan({ stockTakeId: take.id, archiveNo: a.archiveNo });
    const row = await t.db.stockTakeScan.findUnique({ where: { stockTakeId_archiveNo: { stockTakeId: take.id, archiveNo: a.archiveNo } } });
    expect(row?.withdrawnAt).toBeInstanceOf(Date);
    expect(row?.withdrawnById).toBe((await t.db.auditLog.findFirst({ where: { action: "labels.withdrawScan", entityId: take.id, after: { path: ["archiveNo"], equals: a.archiveNo } }, select: { actorId: true } }))?.actorId);
    expect(await t.db.stockTakeScan.count({ where: { stockTakeId: take.id } })).toBe(2);

    const live = await manager.labels.stockTakes.get({ stockTakeId: take.id });
    expect(live.scanCount).toBe(0);
    expect(live.lines).toEqual([expect.objectContaining({ archiveNo: a.archiveNo, outcome: "missing" })]);
    expect(live.scans.every((x) => x.withdrawnAt !== null && x.withdrawnBy !== null)).toBe(true);

    const audit = await t.db.auditLog.findFirst({ where: { action: "labels.withdrawScan", entityId: take.id, after: { path: ["archiveNo"], equals: "ZZ-TYPO-0001" } }, select: { actorId: true, before: true, after: true } });
    expect(audit?.actorId).toBe(people.archivist.id);
    expect(audit?.before).toMatchObject({ takeNo: take.takeNo, archiveNo: "ZZ-TYPO-0001", withdrawnAt: null });
    expect(audit?.after).toMatchObject({ takeNo: take.takeNo, archiveNo: "ZZ-TYPO-0001", withdrawnById: people.archivist.id });

    // Withdrawing twice, or a number never scanned: refused, nothing changes.
    const twice = await refusalOf(archivist.labels.stockTakes.withdrawScan({ stockTakeId: take.id, archiveNo: a.archiveNo }));
    expect([twice.code, twice.domainCode]).toEqual(["CONFLICT", "STOCKTAKE_SCAN_WITHDRAWN"]);
    expect(twice.message).toContain(a.archiveNo);
    expect((await refusalOf(archivist.labels.stockTakes.withdrawScan({ stockTakeId: take.id, archiveNo: "ZZ-NEVER-0001" }))).domainCode).toBe("STOCKTAKE_SCAN_NOT_FOUND");
    expect(await t.db.auditLog.count({ where: { action: "labels.withdrawScan", entityId: take.id } })).toBe(2);

    // Scanning the number again re-activates the same row (the unique (stockTakeId, archiveNo) stays).
    expect(await archivist2.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: a.archiveNo })).toMatchObject({ verdict: "expected", duplicate: false });
    const back = await t.db.stockTakeScan.findUnique({ where: { stockTakeId_archiveNo: { stockTakeId: take.id, archiveNo: a.archiveNo } } });
    expect(back).toMatchObject({ id: row?.id, withdrawnAt: null, withdrawnById: null });
    expect(await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: a.archiveNo })).toMatchObject({ duplicate: true });
    const rescan = await t.db.auditLog.findMany({ where: { action: "labels.rescan", entityId: take.id }, select: { before: true, after: true } });
    expect(rescan).toHaveLength(1);
    expect(rescan[0]?.before).toMatchObject({ archiveNo: a.archiveNo, withdrawnById: row?.withdrawnById });
    expect(rescan[0]?.after).toMatchObject({ archiveNo: a.archiveNo, withdrawnAt: null, verdict: "expected" });

    const done = await archivist.labels.stockTakes.finish({ stockTakeId: take.id });
    expect(done.counts).toEqual({ present: 1, missing: 0, misplaced: 0, unknown: 0, on_loan: 0 });
    const kept = await archivist.labels.stockTakes.get({ stockTakeId: take.id });
    expect(kept.lines.map((l) => l.archiveNo)).toEqual([a.archiveNo]);
    expect(kept.scans.map((x) => [x.archiveNo, x.withdrawnAt === null])).toEqual(expect.arrayContaining([[a.archiveNo, true], ["ZZ-TYPO-0001", false]]));
  });

  it("is refused once the stock-take is finished, with a clear message, and nothing changes", async () => {
    const here = { cabinet: "柜X", shelf: "1层", box: "01盒" };
    const r = await record("完成后撤销", here);
    const take = await archivist.labels.stockTakes.start(here);
    await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: r.archiveNo });
    await archivist.labels.stockTakes.finish({ stockTakeId: take.id });
    const refused = await refusalOf(archivist.labels.stockTakes.withdrawScan({ stockTakeId: take.id, archiveNo: r.archiveNo }));
    expect([refused.code, refused.domainCode]).toEqual(["CONFLICT", "STOCKTAKE_NOT_OPEN"]);
    expect(refused.message).toBe(`盘点 ${take.takeNo} 已完成，不能再修改。`);
    expect((await refusalOf(archivist.labels.stockTakes.withdrawScan({ stockTakeId: take.id, archiveNo: r.archiveNo }), "en")).message).toBe(`Stock-take ${take.takeNo} is finished and cannot be changed.`);
    expect(await t.db.stockTakeScan.findUnique({ where: { stockTakeId_archiveNo: { stockTakeId: take.id, archiveNo: r.archiveNo } }, select: { withdrawnAt: true } })).toEqual({ withdrawnAt: null });
    expect(await t.db.auditLog.count({ where: { action: "labels.withdrawScan", entityId: take.id } })).toBe(0);
    expect((await archivist.labels.stockTakes.get({ stockTakeId: take.id })).presentCount).toBe(1);
  });

  it("is the archivist's alone: the manager and staff are refused and nothing changes", async () => {
    const here = { cabinet: "柜Y", shelf: "1层", box: "01盒" };
    const r = await record("他人撤销", here);
    const take = await archivist.labels.stockTakes.start(here);
    await archivist.labels.stockTakes.scan({ stockTakeId: take.id, archiveNo: r.archiveNo });
    for (const who of [manager, staff]) {
      expect((await refusalOf(who.labels.stockTakes.withdrawScan({ stockTakeId: take.id, archiveNo: r.archiveNo }))).code).toBe("FORBIDDEN");
    }
    expect(await t.db.stockTakeScan.findUnique({ where: { stockTakeId_archiveNo: { stockTakeId: take.id, archiveNo: r.archiveNo } }, select: { withdrawnAt: true } })).toEqual({ withdrawnAt: null });
    expect(await t.db.auditLog.count({ where: { action: "labels.withdrawScan", entityId: take.id } })).toBe(0);
  });
});
