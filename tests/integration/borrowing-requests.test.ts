import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { shanghaiDay } from "../../server/domain/time";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 借阅申请与审批 (issue 5 items 1, 2 and 5's renewals; DOMAIN §2): requests, the manager's
// decision, the second approval of 机密 loans, holds, withdrawal, bulk approval, settings.
const t = useTestDatabase();
type Who = Awaited<ReturnType<typeof signedInAs>>;
let staff: Who;
let staff2: Who;
let archivist: Who;
let manager: Who;
let manager2: Who;
let supervisor: Who;
let admin: Who;
let classId: string;
const today = shanghaiDay(new Date());
const inDays = (n: number) => addCalendarDays(today, n);
const year = today.slice(0, 4);

async function record(title: string, confidentiality: "public" | "internal" | "secret" = "internal") {
  return inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivist.user.id, name: "test" }, { classId, title, formedOn: "2024-03-01", retentionYears: 30, confidentiality }));
}

const ask = (who: Caller, recordIds: string[], extra: Partial<{ purpose: string; dueOn: string; borrowType: "reading" | "copy" | "takeaway" }> = {}) =>
  who.borrowing.requests.create({ recordIds, borrowType: "reading", purpose: "核对购房合同", dueOn: inDays(5), ...extra });

const loanOf = (id: string) => t.db.borrowRequest.findUniqueOrThrow({ where: { id }, include: { items: true } });
const holdsOf = async (id: string) => (await t.db.borrowItem.findMany({ where: { requestId: id }, select: { holdKey: true } })).map((i) => i.holdKey);
const notesOf = (userId: string, kind: string) => t.db.notification.findMany({ where: { userId, kind } });

beforeAll(async () => {
  staff = await signedInAs(t.db, ["staff"]);
  staff2 = await signedInAs(t.db, ["staff"]);
  archivist = await signedInAs(t.db, ["archivist"]);
  manager = await signedInAs(t.db, ["manager"]);
  manager2 = await signedInAs(t.db, ["manager"]);
  supervisor = await signedInAs(t.db, ["supervisor"]);
  admin = await signedInAs(t.db, ["admin"]);
  classId = (await t.db.archiveClass.create({ data: { code: "KH", name: "客户档案", retentionYears: 30 }, select: { id: true } })).id;
});

describe("a borrow request (借出单)", () => {
  it("is numbered JY-year-0001 on, waits for the manager, tells every manager but the requester, and is audited", async () => {
    const [a, b] = [await record("张三 购房合同"), await record("张三 交房资料")];
    const slip = await ask(staff.caller, [a.id], { borrowType: "takeaway" });
    expect(slip.requestNo).toMatch(new RegExp(`^JY-${year}-\\d{4}$`));
    expect(slip.status).toBe("requested");
    expect(slip.needsSecondApproval).toBe(false);
    // By exact 档号 as well as by the picker's ids.
    const slip2 = await staff.caller.borrowing.requests.create({ recordIds: [], archiveNos: [` ${b.archiveNo} `], borrowType: "copy", purpose: "复印交房资料", dueOn: inDays(3) });
    expect(Number(slip2.requestNo.slice(-4))).toBe(Number(slip.requestNo.slice(-4)) + 1);
    expect(slip2.archiveNos).toEqual([b.archiveNo]);

    expect(await notesOf(manager.user.id, "borrowRequested")).toHaveLength(2);
    expect(await notesOf(manager2.user.id, "borrowRequested")).toHaveLength(2);
    expect(await notesOf(staff.user.id, "borrowRequested")).toHaveLength(0);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entity: "BorrowRequest", entityId: slip.id, action: "borrow.create" } });
    expect(audit.actorId).toBe(staff.user.id);
    expect(audit.after).toMatchObject({ requestNo: slip.requestNo, status: "requested", archiveNos: [a.archiveNo], dueOn: inDays(5) });

    const mine = await staff.caller.borrowing.requests.mine({});
    expect(mine.rows.map((r) => r.requestNo)).toEqual(expect.arrayContaining([slip.requestNo, slip2.requestNo]));
    expect(mine.summary.waiting).toBeGreaterThanOrEqual(2);
    expect((await staff2.caller.borrowing.requests.mine({})).rows.map((r) => r.id)).not.toContain(slip.id);
  });

  it("refuses bad input with clear Chinese messages and changes nothing", async () => {
    const rec = await record("李四 购房合同");
    const secret = await record("董事会决议（机密）", "secret");
    const gone = await record("已移出的档案");
    await t.db.archiveRecord.update({ where: { id: gone.id }, data: { status: "transferred" } });
    const before = { slips: await t.db.borrowRequest.count(), audit: await t.db.auditLog.count(), counter: await t.db.documentCounter.findMany() };

    const r = await refusalOf(staff.caller.borrowing.requests.create({ recordIds: [], borrowType: "reading", purpose: "x", dueOn: inDays(1) }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors).toEqual({ purpose: "请填写 2–200 字的借阅用途", recordIds: "请至少选择一份档案" });
    const badType = await refusalOf(staff.caller.borrowing.requests.create({ recordIds: [rec.id], borrowType: "lend" as never, purpose: "核对", dueOn: "2026/01/01" }));
    expect(badType.fieldErrors).toEqual({ borrowType: "请选择借阅方式", dueOn: "日期格式应为 2026-01-31" });
    // Every problem in one round: no record is named together with the other fields' errors (issue 17 #3).
    const all = await refusalOf(staff.caller.borrowing.requests.create({ recordIds: [], purpose: "", dueOn: inDays(1) } as never));
    expect(all.fieldErrors).toEqual({ borrowType: "请选择借阅方式", purpose: "请填写 2–200 字的借阅用途", recordIds: "请至少选择一份档案" });

    const past = await refusalOf(ask(staff.caller, [rec.id], { dueOn: inDays(-1) }));
    expect([past.domainCode, past.message]).toEqual(["BORROW_DUE_IN_PAST", "归还日期不能早于今天。"]);
    const late = await refusalOf(ask(staff.caller, [rec.id], { dueOn: inDays(31) }));
    expect(late.domainCode).toBe("BORROW_DUE_TOO_LATE");
    expect(late.message).toBe(`借期最长 30 天：归还日期不能晚于 ${inDays(30)}。`);
    // The due-day rules name 归还日期, the records' refusals the list of chosen records: shown under them.
    expect(past.fieldErrors).toEqual({ dueOn: "归还日期不能早于今天。" });
    expect(late.fieldErrors).toEqual({ dueOn: late.message });

    const unknown = await refusalOf(staff.caller.borrowing.requests.create({ archiveNos: ["KH-2024-9999", rec.archiveNo], borrowType: "reading", purpose: "核对", dueOn: inDays(2) }));
    expect([unknown.code, unknown.message]).toEqual(["NOT_FOUND", "找不到档号为 KH-2024-9999 的档案。"]);

    // 机密 is not visible to staff: it reads as an unknown 档号, and nothing is revealed.
    const hidden = await refusalOf(staff.caller.borrowing.requests.create({ archiveNos: [secret.archiveNo], borrowType: "reading", purpose: "核对", dueOn: inDays(2) }));
    expect(hidden.message).toBe(`找不到档号为 ${secret.archiveNo} 的档案。`);
    expect((await refusalOf(ask(staff.caller, [secret.id]))).code).toBe("NOT_FOUND");

    // A record no longer in the room.
    const away = await refusalOf(ask(staff.caller, [rec.id, gone.id]));
    expect([away.domainCode, away.message]).toEqual(["BORROW_RECORD_UNAVAILABLE", `档案 ${gone.archiveNo} 当前不在库，不能借阅。`]);
    expect(away.fieldErrors).toEqual({ recordIds: away.message });

    // The auditor and the admin do not borrow.
    expect((await refusalOf(admin.caller.borrowing.requests.create({ recordIds: [rec.id], borrowType: "reading", purpose: "核对", dueOn: inDays(1) }))).code).toBe("FORBIDDEN");

    expect({ slips: await t.db.borrowRequest.count(), audit: await t.db.auditLog.count(), counter: await t.db.documentCounter.findMany() }).toEqual(before);
  });
});

describe("approval", () => {
  it("never by the requester; staff cannot approve; the manager approves and the records are reserved for the slip", async () => {
    const rec = await record("王五 购房合同");
    const own = await ask(manager.caller, [rec.id]);
    const self = await refusalOf(manager.caller.borrowing.requests.approve({ requestId: own.id }));
    expect([self.code, self.domainCode, self.message]).toEqual(["FORBIDDEN", "BORROW_SELF_APPROVAL", "不能审批自己的借阅申请。"]);
    expect((await refusalOf(staff.caller.borrowing.requests.approve({ requestId: own.id }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(supervisor.caller.borrowing.requests.approve({ requestId: own.id }))).code).toBe("FORBIDDEN");
    // Not in the requester's own inbox, in the other manager's.
    expect((await manager.caller.borrowing.requests.inbox({})).rows.map((r) => r.id)).not.toContain(own.id);
    expect((await manager2.caller.borrowing.requests.inbox({})).rows.map((r) => r.id)).toContain(own.id);
    expect((await loanOf(own.id)).status).toBe("requested");

    const done = await manager2.caller.borrowing.requests.approve({ requestId: own.id, comment: "同意" });
    expect(done.status).toBe("approved");
    const loan = await loanOf(own.id);
    expect(loan).toMatchObject({ approvedById: manager2.user.id, approvalComment: "同意" });
    expect(await holdsOf(own.id)).toEqual([rec.id]);
    expect(await notesOf(manager.user.id, "borrowApproved")).toHaveLength(1);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: own.id, action: "borrow.approve" } });
    expect([audit.before, audit.after]).toEqual([{ requestNo: own.requestNo, status: "requested" }, { requestNo: own.requestNo, status: "approved", comment: "同意" }]);
    // A decided slip cannot be decided again.
    const again = await refusalOf(manager.caller.borrowing.requests.reject({ requestId: own.id, comment: "重复处理" }));
    expect([again.code, again.domainCode]).toEqual(["CONFLICT", "BORROW_WRONG_STATUS"]);
    expect((await manager2.caller.borrowing.requests.inbox({ view: "decided" })).rows.map((r) => r.id)).toContain(own.id);
  });

  it("reject needs a reason, tells the borrower, and reserves nothing", async () => {
    const rec = await record("赵六 购房合同");
    const slip = await ask(staff.caller, [rec.id]);
    const noReason = await refusalOf(manager.caller.borrowing.requests.reject({ requestId: slip.id, comment: " " }));
    expect(noReason.fieldErrors).toEqual({ comment: "请填写 2–200 字的原因" });
    expect((await loanOf(slip.id)).status).toBe("requested");
    await manager.caller.borrowing.requests.reject({ requestId: slip.id, comment: "用途不明确，请补充" });
    expect(await loanOf(slip.id)).toMatchObject({ status: "rejected", rejectedById: manager.user.id, rejectComment: "用途不明确，请补充" });
    expect(await holdsOf(slip.id)).toEqual([null]);
    const [note] = await notesOf(staff.user.id, "borrowRejected");
    expect(note?.params).toMatchObject({ requestNo: slip.requestNo, comment: "用途不明确，请补充" });
  });

  it("a record held by an approved loan cannot be approved on a second request, nor requested again", async () => {
    const rec = await record("孙七 购房合同");
    const first = await ask(staff.caller, [rec.id]);
    const second = await ask(staff2.caller, [rec.id]);
    await manager.caller.borrowing.requests.approve({ requestId: first.id });
    const r = await refusalOf(manager.caller.borrowing.requests.approve({ requestId: second.id }));
    expect([r.code, r.domainCode, r.message]).toEqual(["CONFLICT", "BORROW_RECORD_HELD", `档案 ${rec.archiveNo} 已被借出单 ${first.requestNo} 预留或借出，暂不能借阅。`]);
    expect(await loanOf(second.id)).toMatchObject({ status: "requested", approvedById: null });
    expect(await holdsOf(second.id)).toEqual([null]);
    expect(await t.db.auditLog.count({ where: { entityId: second.id, action: "borrow.approve" } })).toBe(0);
    // The inbox warns before the manager presses approve.
    const row = (await manager.caller.borrowing.requests.inbox({ q: second.requestNo })).rows[0];
    expect(row?.records[0]?.heldBy).toBe(first.requestNo);
    const third = await refusalOf(ask(staff2.caller, [rec.id]));
    expect(third.domainCode).toBe("BORROW_RECORD_HELD");
  });

  it("the inbox search finds a slip by a file's title or 档号, waiting and then decided", async () => {
    const rec = await record("检索测试 卷宗甲");
    const slip = await ask(staff.caller, [rec.id]);
    const nos = async (input: { q: string; view?: "waiting" | "decided" }) => (await manager.caller.borrowing.requests.inbox(input)).rows.map((r) => r.requestNo);
    expect(await nos({ q: "卷宗甲" })).toEqual([slip.requestNo]);
    expect(await nos({ q: rec.archiveNo.toLowerCase() })).toEqual([slip.requestNo]);
    await manager.caller.borrowing.requests.approve({ requestId: slip.id });
    expect(await nos({ q: "卷宗甲" })).toEqual([]);
    expect(await nos({ q: "卷宗甲", view: "decided" })).toEqual([slip.requestNo]);
  });

  it("the search text written at creation is the one the migration fills in for older slips, and finds the slip by requester, purpose and number in any case", async () => {
    const rec = await record("检索测试 卷宗乙 ＡＢＣ");
    const slip = await ask(staff.caller, [rec.id], { purpose: "核对Ｘ号楼资料" });
    const written = (await loanOf(slip.id)).searchText;
    expect(written).toContain("卷宗乙 abc");
    expect(written).toContain("核对x号楼资料");
    const sql = fs.readFileSync("prisma/migrations/20261202151433_borrow_search_text/migration.sql", "utf8");
    await t.db.borrowRequest.update({ where: { id: slip.id }, data: { searchText: "" } });
    await t.db.$executeRawUnsafe(sql.slice(sql.indexOf("UPDATE")));
    expect((await loanOf(slip.id)).searchText).toBe(written);
    const nos = async (q: string) => (await manager.caller.borrowing.requests.inbox({ q })).rows.map((r) => r.requestNo);
    expect(await nos(slip.requestNo.toLowerCase())).toEqual([slip.requestNo]);
    expect(await nos("Ｘ号楼")).toEqual([slip.requestNo]);
    expect(await nos(`${staff.user.displayName} ${rec.archiveNo}`)).toEqual([slip.requestNo]);
  });

  it("two managers approving two requests for one record at the same moment: exactly one holds it", async () => {
    const rec = await record("并发审批 购房合同");
    const a = await ask(staff.caller, [rec.id]);
    const b = await ask(staff2.caller, [rec.id]);
    const results = await Promise.allSettled([manager.caller.borrowing.requests.approve({ requestId: a.id }), manager2.caller.borrowing.requests.approve({ requestId: b.id })]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const holders = await t.db.borrowItem.findMany({ where: { holdKey: rec.id } });
    expect(holders).toHaveLength(1);
    const statuses = [(await loanOf(a.id)).status, (await loanOf(b.id)).status].sort();
    expect(statuses).toEqual(["approved", "requested"]);
  });
});

describe("机密 records: the second approval", () => {
  it("needs another person of the configured role: not the requester, not the first approver", async () => {
    const secret = await record("集团内部审计报告", "secret");
    const slip = await ask(archivist.caller, [secret.id], { purpose: "配合审计调阅" });
    expect(slip.needsSecondApproval).toBe(true);
    const first = await manager.caller.borrowing.requests.approve({ requestId: slip.id });
    expect(first.status).toBe("pending_second");
    expect(await holdsOf(slip.id)).toEqual([null]);
    // Told: the other manager (the configured role) must review; the borrower hears it is half-way.
    expect(await notesOf(manager2.user.id, "borrowSecondNeeded")).toHaveLength(1);
    expect(await notesOf(manager.user.id, "borrowSecondNeeded")).toHaveLength(0);
    expect(await notesOf(archivist.user.id, "borrowPendingSecond")).toHaveLength(1);

    const same = await refusalOf(manager.caller.borrowing.requests.secondApprove({ requestId: slip.id }));
    expect([same.domainCode, same.message]).toEqual(["BORROW_SECOND_SAME_APPROVER", "机密档案的复核须由第一审批人以外的另一人完成。"]);
    const wrongRole = await refusalOf(supervisor.caller.borrowing.requests.secondApprove({ requestId: slip.id }));
    expect([wrongRole.domainCode, wrongRole.message]).toEqual(["BORROW_SECOND_APPROVER_ROLE", "您没有复核机密档案借阅的权限。"]);
    expect((await refusalOf(manager2.caller.borrowing.requests.approve({ requestId: slip.id }))).domainCode).toBe("BORROW_WRONG_STATUS");
    expect((await manager.caller.borrowing.requests.inbox({})).rows.map((r) => r.id)).not.toContain(slip.id);
    expect((await manager2.caller.borrowing.requests.inbox({})).rows.find((r) => r.id === slip.id)?.action).toBe("secondApprove");

    const done = await manager2.caller.borrowing.requests.secondApprove({ requestId: slip.id, comment: "复核同意" });
    expect(done.status).toBe("approved");
    expect(await loanOf(slip.id)).toMatchObject({ approvedById: manager.user.id, secondApprovedById: manager2.user.id, secondComment: "复核同意" });
    expect(await holdsOf(slip.id)).toEqual([secret.id]);
    expect(await notesOf(archivist.user.id, "borrowApproved")).toHaveLength(1);
  });

  it("follows the settings: with 客服主管 configured, a supervisor reviews and may reject at that stage", async () => {
    await admin.caller.borrowing.requests.updateSettings({ defaultLoanDays: 7, maxLoanDays: 30, secretApproverRole: "supervisor", remindDaysBefore: 1 });
    try {
      const [s1, s2] = [await record("机密 合同A", "secret"), await record("机密 合同B", "secret")];
      const a = await ask(archivist.caller, [s1.id]);
      const b = await ask(archivist.caller, [s2.id]);
      await manager.caller.borrowing.requests.approve({ requestId: a.id });
      await manager.caller.borrowing.requests.approve({ requestId: b.id });
      expect((await refusalOf(manager2.caller.borrowing.requests.secondApprove({ requestId: a.id }))).domainCode).toBe("BORROW_SECOND_APPROVER_ROLE");
      expect((await supervisor.caller.borrowing.requests.waitingCount()).requests).toBeGreaterThanOrEqual(2);
      expect((await supervisor.caller.borrowing.requests.secondApprove({ requestId: a.id })).status).toBe("approved");
      await supervisor.caller.borrowing.requests.reject({ requestId: b.id, comment: "机密档案不宜借出" });
      expect((await loanOf(b.id)).status).toBe("rejected");
    } finally {
      await admin.caller.borrowing.requests.updateSettings({ defaultLoanDays: 7, maxLoanDays: 30, secretApproverRole: "manager", remindDaysBefore: 1 });
    }
  });
});

describe("withdrawal", () => {
  it("by the borrower only, before lending; releases the holds so another request can be approved", async () => {
    const rec = await record("周八 购房合同");
    const slip = await ask(staff.caller, [rec.id]);
    const other = await ask(staff2.caller, [rec.id]);
    await manager.caller.borrowing.requests.approve({ requestId: slip.id });
    expect(await holdsOf(slip.id)).toEqual([rec.id]);

    const notMine = await refusalOf(staff2.caller.borrowing.requests.withdraw({ requestId: slip.id }));
    expect([notMine.domainCode, notMine.message]).toEqual(["BORROW_NOT_BORROWER", "只有借阅人本人可以这样做。"]);
    const out = await staff.caller.borrowing.requests.withdraw({ requestId: slip.id });
    expect(out).toMatchObject({ status: "withdrawn", releasedHolds: 1 });
    const loan = await loanOf(slip.id);
    expect(loan.status).toBe("withdrawn");
    expect(loan.withdrawnAt).not.toBeNull();
    expect(await holdsOf(slip.id)).toEqual([null]);
    expect(await notesOf(manager.user.id, "borrowWithdrawn")).toHaveLength(1);
    expect((await refusalOf(staff.caller.borrowing.requests.withdraw({ requestId: slip.id }))).domainCode).toBe("BORROW_WRONG_STATUS");

    expect((await manager.caller.borrowing.requests.approve({ requestId: other.id })).status).toBe("approved");
    expect(await holdsOf(other.id)).toEqual([rec.id]);
  });

  it("is refused once the records are lent", async () => {
    const rec = await record("吴九 购房合同");
    const slip = await ask(staff.caller, [rec.id]);
    await manager.caller.borrowing.requests.approve({ requestId: slip.id });
    await archivist.caller.borrowing.loans.lend({ requestId: slip.id });
    const r = await refusalOf(staff.caller.borrowing.requests.withdraw({ requestId: slip.id }));
    expect([r.code, r.domainCode]).toEqual(["CONFLICT", "BORROW_WRONG_STATUS"]);
    expect(r.message).toContain(slip.requestNo);
    expect(await holdsOf(slip.id)).toEqual([rec.id]);
  });
});

describe("bulk approval", () => {
  it("approves each in its own transaction and reports which failed and why", async () => {
    const [r1, r2, r3] = [await record("批量 1"), await record("批量 2"), await record("批量 3")];
    const ok1 = await ask(staff.caller, [r1.id]);
    const own = await ask(manager.caller, [r2.id]);
    const ok2 = await ask(staff2.caller, [r3.id]);
    const blocker = await ask(staff.caller, [r3.id]);
    const result = await manager.caller.borrowing.requests.bulkApprove({ requestIds: [ok1.id, own.id, ok2.id, blocker.id], comment: "同意" });
    expect(result.done.map((d) => d.requestNo).sort()).toEqual([ok1.requestNo, ok2.requestNo].sort());
    expect(result.failed.map((f) => [f.requestNo, f.code, f.message])).toEqual([
      [own.requestNo, "BORROW_SELF_APPROVAL", "不能审批自己的借阅申请。"],
      [blocker.requestNo, "BORROW_RECORD_HELD", `档案 ${r3.archiveNo} 已被借出单 ${ok2.requestNo} 预留或借出，暂不能借阅。`],
    ]);
    expect((await loanOf(ok1.id)).status).toBe("approved");
    expect((await loanOf(own.id)).status).toBe("requested");
    expect((await loanOf(blocker.id)).status).toBe("requested");
    const empty = await refusalOf(manager.caller.borrowing.requests.bulkApprove({ requestIds: [] }));
    expect(empty.fieldErrors).toEqual({ requestIds: "请至少勾选一份借出单" });
  });

  it("reports in English for an English-speaking approver", async () => {
    const { callerFor } = await import("./helpers");
    const rec = await record("bulk en");
    const own = await ask(manager.caller, [rec.id]);
    const en = callerFor(t.db, manager.session, { locale: "en" });
    const out = await en.borrowing.requests.bulkApprove({ requestIds: [own.id] });
    expect(out.failed[0]?.message).toBe("You cannot approve your own borrow request.");
  });
});

describe("renewal decisions (续借)", () => {
  async function lentLoan(title: string) {
    const rec = await record(title);
    const slip = await ask(staff.caller, [rec.id], { dueOn: inDays(3) });
    await manager.caller.borrowing.requests.approve({ requestId: slip.id });
    await archivist.caller.borrowing.loans.lend({ requestId: slip.id });
    return slip;
  }

  it("approval moves the due day, counts the renewal and marks the loan 已续借; the borrower is told", async () => {
    const slip = await lentLoan("续借 购房合同");
    const ren = await staff.caller.borrowing.loans.requestRenewal({ requestId: slip.id, newDueOn: inDays(10), reason: "审核尚未完成" });
    const waiting = await manager.caller.borrowing.requests.inbox({});
    expect(waiting.renewals.map((r) => r.id)).toContain(ren.id);
    expect(waiting.counts.renewals).toBeGreaterThanOrEqual(1);
    expect((await refusalOf(staff.caller.borrowing.requests.approveRenewal({ renewalId: ren.id }))).code).toBe("FORBIDDEN");

    const out = await manager.caller.borrowing.requests.approveRenewal({ renewalId: ren.id, comment: "同意续借" });
    expect(out).toMatchObject({ status: "renewed", dueOn: inDays(10) });
    const loan = await loanOf(slip.id);
    expect(loan).toMatchObject({ status: "renewed", renewalCount: 1 });
    expect(loan.dueOn.toISOString().slice(0, 10)).toBe(inDays(10));
    expect(await t.db.borrowRenewal.findUniqueOrThrow({ where: { id: ren.id } })).toMatchObject({ status: "approved", pendingKey: null, decidedById: manager.user.id, comment: "同意续借" });
    expect(await t.db.auditLog.count({ where: { entityId: ren.id, action: "borrowRenewal.approve" } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { entityId: slip.id, action: "borrow.renew" } })).toBe(1);
    expect(await notesOf(staff.user.id, "borrowRenewalApproved")).toHaveLength(1);
    const twice = await refusalOf(manager2.caller.borrowing.requests.rejectRenewal({ renewalId: ren.id, comment: "重复处理" }));
    expect([twice.domainCode, twice.message]).toEqual(["BORROW_RENEWAL_WRONG_STATUS", "该续借申请已被处理，请刷新后重试。"]);

    // A second renewal of a renewed loan is decided the same way.
    const ren2 = await staff.caller.borrowing.loans.requestRenewal({ requestId: slip.id, newDueOn: inDays(12), reason: "再延两天" });
    await manager.caller.borrowing.requests.approveRenewal({ renewalId: ren2.id });
    expect(await loanOf(slip.id)).toMatchObject({ status: "renewed", renewalCount: 2 });
  });

  it("rejection keeps the due day and needs a reason; one's own renewal cannot be decided", async () => {
    const slip = await lentLoan("续借驳回 合同");
    const before = await loanOf(slip.id);
    const ren = await staff.caller.borrowing.loans.requestRenewal({ requestId: slip.id, newDueOn: inDays(8), reason: "还需核对" });
    expect((await refusalOf(manager.caller.borrowing.requests.rejectRenewal({ renewalId: ren.id, comment: "" }))).fieldErrors).toEqual({ comment: "请填写 2–200 字的原因" });
    await manager.caller.borrowing.requests.rejectRenewal({ renewalId: ren.id, comment: "请按期归还" });
    const after = await loanOf(slip.id);
    expect([after.status, after.dueOn, after.renewalCount]).toEqual([before.status, before.dueOn, 0]);
    expect(await t.db.borrowRenewal.findUniqueOrThrow({ where: { id: ren.id } })).toMatchObject({ status: "rejected", pendingKey: null });
    expect(await notesOf(staff.user.id, "borrowRenewalRejected")).toHaveLength(1);

    const rec = await record("经理本人借阅");
    const own = await ask(manager.caller, [rec.id], { dueOn: inDays(2) });
    await manager2.caller.borrowing.requests.approve({ requestId: own.id });
    await archivist.caller.borrowing.loans.lend({ requestId: own.id });
    const ownRen = await manager.caller.borrowing.loans.requestRenewal({ requestId: own.id, newDueOn: inDays(6), reason: "还需两天" });
    expect((await refusalOf(manager.caller.borrowing.requests.approveRenewal({ renewalId: ownRen.id }))).domainCode).toBe("BORROW_SELF_APPROVAL");
    expect((await manager.caller.borrowing.requests.inbox({})).renewals.map((r) => r.id)).not.toContain(ownRen.id);
  });
});

describe("settings (借阅设置)", () => {
  it("only the admin changes them; the limits apply to new requests; default ≤ max; audited", async () => {
    expect((await refusalOf(manager.caller.borrowing.requests.updateSettings({ defaultLoanDays: 3, maxLoanDays: 10, secretApproverRole: "manager", remindDaysBefore: 1 }))).code).toBe("FORBIDDEN");
    const bad = await refusalOf(admin.caller.borrowing.requests.updateSettings({ defaultLoanDays: 20, maxLoanDays: 10, secretApproverRole: "manager", remindDaysBefore: 99 }));
    expect(bad.fieldErrors).toEqual({ defaultLoanDays: "默认借期不能超过最长借期", remindDaysBefore: "请输入 0–30 之间的整数" });
    expect(await t.db.auditLog.count({ where: { action: "borrowSettings.update", after: { path: ["defaultLoanDays"], equals: 20 } } })).toBe(0);

    await admin.caller.borrowing.requests.updateSettings({ defaultLoanDays: 3, maxLoanDays: 10, secretApproverRole: "manager", remindDaysBefore: 2 });
    try {
      expect(await staff.caller.borrowing.requests.formDefaults()).toMatchObject({ today, defaultDueOn: inDays(3), latestDueOn: inDays(10), maxLoanDays: 10 });
      const rec = await record("借期限制");
      const late = await refusalOf(ask(staff.caller, [rec.id], { dueOn: inDays(11) }));
      expect(late.message).toBe(`借期最长 10 天：归还日期不能晚于 ${inDays(10)}。`);
      expect((await ask(staff.caller, [rec.id], { dueOn: inDays(10) })).status).toBe("requested");
      const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "borrowSettings.update" }, orderBy: { at: "desc" } });
      expect(audit.after).toMatchObject({ defaultLoanDays: 3, maxLoanDays: 10, remindDaysBefore: 2 });
      expect(await admin.caller.borrowing.requests.settings()).toMatchObject({ defaultLoanDays: 3, maxLoanDays: 10 });
    } finally {
      await admin.caller.borrowing.requests.updateSettings({ defaultLoanDays: 7, maxLoanDays: 30, secretApproverRole: "manager", remindDaysBefore: 1 });
    }
  });
});

describe("my list and the inbox", () => {
  it("filter by status, text and overdue, sort and page; the waiting count matches the inbox", async () => {
    const rec = await record("逾期测试 合同");
    const slip = await ask(staff2.caller, [rec.id], { purpose: "逾期用例" });
    await manager.caller.borrowing.requests.approve({ requestId: slip.id });
    await archivist.caller.borrowing.loans.lend({ requestId: slip.id });
    // Due two days ago (written directly: the machine never lets a new request be due in the past).
    await t.db.borrowRequest.update({ where: { id: slip.id }, data: { dueOn: new Date(`${inDays(-2)}T00:00:00Z`) } });
    const overdue = await staff2.caller.borrowing.requests.mine({ overdue: true });
    expect(overdue.rows.map((r) => [r.requestNo, r.overdueDays])).toEqual([[slip.requestNo, 2]]);
    expect(overdue.summary.overdue).toBe(1);
    expect((await staff2.caller.borrowing.requests.mine({ q: rec.archiveNo })).rows.map((r) => r.id)).toEqual([slip.id]);
    expect((await staff2.caller.borrowing.requests.mine({ status: "rejected" })).rows).toEqual([]);
    const paged = await staff.caller.borrowing.requests.mine({ pageSize: 2, page: 2, sort: "requestNo", dir: "asc" });
    expect(paged.rows).toHaveLength(2);
    const all = (await staff.caller.borrowing.requests.mine({ pageSize: 100, sort: "requestNo", dir: "asc" })).rows.map((r) => r.requestNo);
    expect(paged.rows.map((r) => r.requestNo)).toEqual(all.slice(2, 4));

    const inbox = await manager.caller.borrowing.requests.inbox({ pageSize: 100 });
    const count = await manager.caller.borrowing.requests.waitingCount();
    expect(count.requests).toBe(inbox.total);
    expect(inbox.rows.every((r) => r.status === "requested" || r.status === "pending_second")).toBe(true);
    expect((await manager.caller.borrowing.requests.inbox({ secretOnly: true })).rows.every((r) => r.needsSecondApproval)).toBe(true);
  });
});
