import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { csvTable } from "../../server/domain/archive/handover-import";
import { exportRegister, listRegister } from "../../server/domain/borrowing/register.service";
import { registerLabels } from "../../server/domain/borrowing/register-export";
import type { SessionUser } from "../../server/domain/accounts/session";
import type { BorrowStatus, Prisma } from "../../server/db/generated/client";
import { createTestUser, refusalOf, sessionFor, signedInAs, useTestDatabase, type TestUser } from "./helpers";

// 借阅登记表 (issue 5 item 6): five slips written directly with known dates, so every filter has a
// known answer; the exports are read back with exceljs / the CSV reader; the export route checks
// the role itself and audits.
const t = useTestDatabase();

let signedIn: SessionUser | null = null;
vi.mock("../../server/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("../../server/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), db: async () => t.db }));

// 2026-03-15 12:00 in Shanghai.
const NOW = new Date("2026-03-15T04:00:00Z");
const sh = (local: string) => new Date(`${local}+08:00`);

let borrowerA: TestUser;
let borrowerB: TestUser;
let manager: TestUser;
let manager2: TestUser;
let archivist: TestUser;
const rec: Record<"r1" | "r2" | "r3" | "r4", { id: string; archiveNo: string; title: string }> = {} as never;
const slip: Record<"l1" | "l2" | "l3" | "l4" | "l5", string> = {} as never;

async function loan(no: string, requester: TestUser, status: BorrowStatus, data: Partial<Prisma.BorrowRequestUncheckedCreateInput>, items: { recordId: string; returnCheck?: "complete" | "incomplete"; returnNote?: string }[]) {
  const r = await t.db.borrowRequest.create({
    data: { requestNo: no, requesterId: requester.id, borrowType: "takeaway", purpose: `用途 ${no}`, status, dueOn: new Date("2026-03-31T00:00:00Z"), ...data, items: { create: items } },
    select: { id: true },
  });
  return r.id;
}

beforeAll(async () => {
  borrowerA = await createTestUser(t.db, { roles: ["staff"], loginName: "jia.borrower", displayName: "借阅人甲" });
  borrowerB = await createTestUser(t.db, { roles: ["staff"], loginName: "yi.borrower", displayName: "借阅人乙" });
  manager = await createTestUser(t.db, { roles: ["manager"], displayName: "经理赵" });
  manager2 = await createTestUser(t.db, { roles: ["manager"], displayName: "经理吴" });
  archivist = await createTestUser(t.db, { roles: ["archivist"], displayName: "档案员陈" });
  const classId = (await t.db.archiveClass.create({ data: { code: "KH", name: "客户信息档案", retentionYears: 30 }, select: { id: true } })).id;
  const add = (title: string, confidentiality: "internal" | "secret" = "internal") =>
    inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivist.id, name: "test" }, { classId, title, formedOn: "2025-06-01", retentionYears: 30, confidentiality }));
  for (const [k, title, conf] of [["r1", "1栋0101 客户信息档案"], ["r2", "1栋0102 客户信息档案"], ["r3", "董事会决议（机密）", "secret"], ["r4", "2栋0201 客户信息档案"]] as const) {
    const r = await add(title, conf);
    rec[k] = { id: r.id, archiveNo: r.archiveNo, title };
  }
  // L1 returned a day late, one record incomplete; L2 out and overdue (机密, two approvals);
  // L3 only requested; L4 rejected at 23:30 on 02-27 (Shanghai); L5 renewed, not yet due.
  slip.l1 = await loan("JY-2026-0001", borrowerA, "returned", {
    createdAt: sh("2026-03-02T10:00:00"), approvedById: manager.id, approvedAt: sh("2026-03-02T11:00:00"), lentById: archivist.id, lentAt: sh("2026-03-02T14:00:00"),
    receivedAt: sh("2026-03-02T14:05:00"), dueOn: new Date("2026-03-09T00:00:00Z"), returnedToId: archivist.id, returnedAt: sh("2026-03-10T09:00:00"), voidedAt: sh("2026-03-10T09:00:00"),
  }, [{ recordId: rec.r1.id, returnCheck: "complete" }, { recordId: rec.r2.id, returnCheck: "incomplete", returnNote: "缺第3页" }]);
  slip.l2 = await loan("JY-2026-0002", borrowerB, "lent", {
    createdAt: sh("2026-03-05T09:00:00"), needsSecondApproval: true, approvedById: manager.id, approvedAt: sh("2026-03-05T09:30:00"), secondApprovedById: manager2.id, secondApprovedAt: sh("2026-03-05T10:00:00"),
    lentById: archivist.id, lentAt: sh("2026-03-05T15:00:00"), dueOn: new Date("2026-03-12T00:00:00Z"),
  }, [{ recordId: rec.r3.id }]);
  slip.l3 = await loan("JY-2026-0003", borrowerA, "requested", { createdAt: sh("2026-03-14T16:00:00"), dueOn: new Date("2026-03-21T00:00:00Z") }, [{ recordId: rec.r4.id }]);
  slip.l4 = await loan("JY-2026-0004", borrowerB, "rejected", {
    createdAt: sh("2026-02-27T23:30:00"), rejectedById: manager.id, rejectedAt: sh("2026-02-28T09:00:00"), rejectComment: "用途不明", dueOn: new Date("2026-03-06T00:00:00Z"),
  }, [{ recordId: rec.r4.id }]);
  slip.l5 = await loan("JY-2026-0005", borrowerA, "renewed", {
    createdAt: sh("2026-03-06T09:00:00"), approvedById: manager.id, approvedAt: sh("2026-03-06T09:10:00"), lentById: archivist.id, lentAt: sh("2026-03-06T10:00:00"),
    dueOn: new Date("2026-03-20T00:00:00Z"), renewalCount: 1,
  }, [{ recordId: rec.r2.id }]);
});

const ARCHIVIST_ROLES = ["archivist"] as const;
const nos = async (input: Parameters<typeof listRegister>[2], roles: readonly ("archivist" | "supervisor")[] = ARCHIVIST_ROLES) => (await listRegister(t.db, roles, input, NOW)).rows.map((r) => r.requestNo.slice(-1));

describe("filters with known answers", () => {
  it("lists every slip, newest request first, with the overdue count", async () => {
    const all = await listRegister(t.db, ["archivist"], {}, NOW);
    expect(all.total).toBe(5);
    expect(all.overdueNow).toBe(1);
    expect(all.rows.map((r) => r.requestNo)).toEqual(["JY-2026-0003", "JY-2026-0005", "JY-2026-0002", "JY-2026-0001", "JY-2026-0004"]);
  });

  it("cuts the period on Shanghai days, by request, lending or return date", async () => {
    expect(await nos({ from: "2026-02-28", to: "2026-03-05" })).toEqual(["2", "1"]);
    // Requested at 23:30 on 02-27 Shanghai (15:30 UTC): that day, not the next.
    expect(await nos({ to: "2026-02-27" })).toEqual(["4"]);
    expect(await nos({ from: "2026-02-28", to: "2026-02-28" })).toEqual([]);
    expect(await nos({ periodOf: "lent", from: "2026-03-05", to: "2026-03-06" })).toEqual(["5", "2"]);
    expect(await nos({ periodOf: "returned", from: "2026-03-10", to: "2026-03-10" })).toEqual(["1"]);
    expect(await nos({ periodOf: "returned", from: "2026-03-11" })).toEqual([]);
  });

  it("finds by borrower (name or login, any part) and by 档号 (any part, any case)", async () => {
    expect(await nos({ borrower: "甲" })).toEqual(["3", "5", "1"]);
    expect(await nos({ borrower: "YI.BORR" })).toEqual(["2", "4"]);
    expect(await nos({ archiveNo: rec.r2.archiveNo })).toEqual(["5", "1"]);
    expect(await nos({ archiveNo: rec.r4.archiveNo.toLowerCase() })).toEqual(["3", "4"]);
    expect(await nos({ archiveNo: "NO-SUCH" })).toEqual([]);
  });

  it("filters by status and overdue-only, and combines filters", async () => {
    expect(await nos({ status: "lent" })).toEqual(["2"]);
    expect(await nos({ status: "rejected" })).toEqual(["4"]);
    expect(await nos({ overdueOnly: true })).toEqual(["2"]);
    expect(await nos({ borrower: "甲", status: "renewed" })).toEqual(["5"]);
    expect(await nos({ borrower: "甲", overdueOnly: true })).toEqual([]);
    // The day after the renewed due day, L5 is overdue too.
    expect((await listRegister(t.db, ["archivist"], { overdueOnly: true }, new Date("2026-03-21T04:00:00Z"))).rows.map((r) => [r.requestNo, r.overdueDays])).toEqual([
      ["JY-2026-0005", 1],
      ["JY-2026-0002", 9],
    ]);
  });

  it("sorts by any column in both directions and pages", async () => {
    expect(await nos({ sort: "dueOn", dir: "asc" })).toEqual(["4", "1", "2", "5", "3"]);
    expect(await nos({ sort: "requestNo", dir: "asc" })).toEqual(["1", "2", "3", "4", "5"]);
    // By borrower (the collation decides whether 甲 or 乙 comes first), then 借出单号 the same way.
    const byBorrower = await nos({ sort: "borrower", dir: "asc" });
    expect([["1", "3", "5", "2", "4"], ["2", "4", "1", "3", "5"]]).toContainEqual(byBorrower);
    expect(await nos({ sort: "borrower", dir: "desc" })).toEqual([...byBorrower].reverse());
    // Never lent or returned: last whichever the direction.
    expect(await nos({ sort: "lentAt", dir: "desc" })).toEqual(["5", "2", "1", "4", "3"]);
    expect(await nos({ sort: "returnedAt", dir: "asc" })).toEqual(["1", "2", "3", "4", "5"]);
    const page3 = await listRegister(t.db, ["archivist"], { sort: "requestNo", dir: "asc", page: 3, pageSize: 2 }, NOW);
    expect([page3.total, page3.rows.map((r) => r.requestNo)]).toEqual([5, ["JY-2026-0005"]]);
  });

  it("shows approvers, dates, returned state and lateness; hides 机密 titles from roles that may not see them", async () => {
    const { rows } = await listRegister(t.db, ["archivist"], {}, NOW);
    const l1 = rows.find((r) => r.id === slip.l1)!;
    expect(l1).toMatchObject({ borrower: "借阅人甲", approvedBy: "经理赵", lentBy: "档案员陈", returnedTo: "档案员陈", dueOn: "2026-03-09", returnedState: "incomplete", returnedLate: true, overdueDays: 0 });
    expect(l1.records.map((i) => [i.archiveNo, i.returnCheck, i.returnNote])).toEqual([
      [rec.r1.archiveNo, "complete", null],
      [rec.r2.archiveNo, "incomplete", "缺第3页"],
    ]);
    const l2 = rows.find((r) => r.id === slip.l2)!;
    expect(l2).toMatchObject({ secondApprovedBy: "经理吴", overdueDays: 3, returnedState: null });
    expect(l2.records[0]).toMatchObject({ title: rec.r3.title, secret: true });
    expect(rows.find((r) => r.id === slip.l5)).toMatchObject({ renewalCount: 1, overdueDays: 0 });
    const asSupervisor = (await listRegister(t.db, ["supervisor"], { status: "lent" }, NOW)).rows[0]!;
    expect(asSupervisor.records[0]).toMatchObject({ archiveNo: rec.r3.archiveNo, title: null, secret: true });
  });

  it("through the router: the register's readers only; bad filters refused in Chinese", async () => {
    const { caller: staff } = await signedInAs(t.db, ["staff"]);
    expect((await refusalOf(staff.borrowing.register.list({}))).code).toBe("FORBIDDEN");
    const { caller: auditor } = await signedInAs(t.db, ["auditor"]);
    expect((await auditor.borrowing.register.list({})).total).toBe(5);
    const bad = await refusalOf(auditor.borrowing.register.list({ from: "2026-03-10", to: "2026-03-01" }));
    expect(bad.fieldErrors).toEqual({ to: "结束日期不能早于开始日期" });
    expect((await refusalOf(auditor.borrowing.register.list({ from: "2026-02-30" }))).fieldErrors).toEqual({ from: "日期格式应为 2026-01-31" });
  });
});

describe("exports", () => {
  const actor = () => ({ id: archivist.id, name: archivist.displayName, ip: "127.0.0.1" });

  it("XLSX: the filtered slips read back cell by cell, and the export is audited", async () => {
    const before = await t.db.auditLog.count({ where: { action: "borrowing.register.export" } });
    const file = await exportRegister(t.db, actor(), ["archivist"], { borrower: "甲", sort: "requestNo", dir: "asc" }, "xlsx", registerLabels("zh-CN"), NOW);
    expect(file.rows).toBe(3);
    expect(file.fileName).toBe("借阅登记表-20260315-1200.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("借阅登记表")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount).toBe(4);
    expect([2, 3, 4].map((r) => ws.getRow(r).getCell(1).value)).toEqual(["JY-2026-0001", "JY-2026-0003", "JY-2026-0005"]);
    const l1 = ws.getRow(2);
    expect(l1.getCell(col("借阅人")).value).toBe("借阅人甲");
    expect(l1.getCell(col("档号")).value).toBe(`${rec.r1.archiveNo}\n${rec.r2.archiveNo}`);
    expect(l1.getCell(col("审批人")).value).toBe("经理赵");
    expect(l1.getCell(col("申请时间")).value).toBe("2026-03-02 10:00");
    expect(l1.getCell(col("归还时间")).value).toBe("2026-03-10 09:00");
    expect(l1.getCell(col("归还情况")).value).toBe(`缺页/缺件：${rec.r2.archiveNo} 缺第3页`);
    expect(l1.getCell(col("逾期")).value).toBe("逾期归还");
    expect(ws.getRow(4).getCell(col("续借次数")).value).toBe("1");

    const entries = await t.db.auditLog.findMany({ where: { action: "borrowing.register.export" }, orderBy: { id: "desc" }, take: 1 });
    expect(await t.db.auditLog.count({ where: { action: "borrowing.register.export" } })).toBe(before + 1);
    expect(entries[0]).toMatchObject({ actorId: archivist.id, entity: "BorrowRegister", after: { format: "xlsx", rows: 3, filters: { borrower: "甲", sort: "requestNo", dir: "asc", overdueOnly: false } } });
  });

  it("CSV: BOM, the same filters, one line per slip; 机密 titles hidden for the supervisor", async () => {
    const file = await exportRegister(t.db, actor(), ["supervisor"], { overdueOnly: true }, "csv", registerLabels("zh-CN"), NOW);
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = csvTable(file.body.subarray(3).toString("utf8")).filter((r) => r.some((c) => c !== ""));
    expect(table).toHaveLength(2);
    const [header, l2] = table as [string[], string[]];
    expect(l2[header.indexOf("借出单号")]).toBe("JY-2026-0002");
    expect(l2[header.indexOf("档案题名")]).toBe("（机密档案，题名不显示）");
    expect(l2[header.indexOf("复核人")]).toBe("经理吴");
    expect(l2[header.indexOf("逾期")]).toBe("逾期 3 天");
  });

  it("the route: signed-in register readers only, checked by the route itself; nothing audited when refused", async () => {
    const url = "http://127.0.0.1/api/borrowing/register/export";
    const { GET } = await import("../../app/api/borrowing/register/export/route");
    const audits = () => t.db.auditLog.count({ where: { action: "borrowing.register.export" } });
    const before = await audits();

    signedIn = null;
    expect((await GET(new NextRequest(`${url}?format=csv`))).status).toBe(401);
    const staff = await createTestUser(t.db, { roles: ["staff"] });
    signedIn = await sessionFor(t.db, staff);
    const refused = await GET(new NextRequest(`${url}?format=xlsx`));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe("您没有执行此操作的权限。");
    expect(await audits()).toBe(before);

    signedIn = await sessionFor(t.db, archivist);
    expect((await GET(new NextRequest(`${url}?format=pdf`))).status).toBe(400);
    const ok = await GET(new NextRequest(`${url}?format=csv&status=rejected`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="borrow-register\.csv"; filename\*=UTF-8''%E5%80%9F%E9%98%85/);
    const text = new TextDecoder().decode(await ok.arrayBuffer()); // the decoder drops the BOM
    expect(text.split("\r\n").filter(Boolean).map((l) => l.split(",")[0])).toEqual(["借出单号", "JY-2026-0004"]);
    expect(await audits()).toBe(before + 1);
  });

  it("the route: a NUL in the filters is a Chinese 400, not a 500, and nothing is audited", async () => {
    // The export reads its filters itself, past tRPC's control-character middleware.
    const url = "http://127.0.0.1/api/borrowing/register/export";
    const { GET } = await import("../../app/api/borrowing/register/export/route");
    const audits = () => t.db.auditLog.count({ where: { action: "borrowing.register.export" } });
    const before = await audits();
    signedIn = await sessionFor(t.db, archivist);
    const res = await GET(new NextRequest(`${url}?format=csv&borrower=a%00b`));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe("筛选条件含有控制字符（如 NUL）或残缺的字符，请删去后重试。");
    expect(await audits()).toBe(before);
  });
});
