import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { deskBadge, deskList } from "../../server/domain/borrowing/loan-views";
import { sendLoanReminders } from "../../server/domain/borrowing/overdue.job";
import { shanghaiDay } from "../../server/domain/time";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// The loan at the archive desk (issue 5 items 3–5): lend an approved slip, the borrower's
// receipt, the return check that flags incomplete records and voids the slip, clearing a flag,
// renewal requests, the desk lists, the badge and the reminder job.
const t = useTestDatabase();
let staff: Caller, staff2: Caller, manager: Caller, archivist: Caller, auditor: Caller;
let staffId: string, archivistId: string, archivist2Id: string, managerId: string;
let classId: string;
let n = 0;

const today = () => shanghaiDay(new Date());
const inDays = (d: number) => addCalendarDays(today(), d);

async function record(title = `借阅测试档案${++n}`) {
  return inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivistId, name: "test" }, { classId, title, formedOn: "2024-05-01", retentionYears: 30, confidentiality: "internal", cabinet: "A", shelf: "3", box: String(n) }));
}

/** A slip the manager approved (its records reserved), through the requests procedures. */
async function approvedSlip(recordIds: string[], borrower: Caller = staff, dueOn = inDays(7)) {
  const req = await borrower.borrowing.requests.create({ recordIds, borrowType: "takeaway", purpose: "核对合同条款", dueOn });
  await manager.borrowing.requests.approve({ requestId: req.id });
  return req;
}

async function lentSlip(recordIds: string[], borrower: Caller = staff, dueOn = inDays(7)) {
  const req = await approvedSlip(recordIds, borrower, dueOn);
  await archivist.borrowing.loans.lend({ requestId: req.id });
  return req;
}

const recordOf = (id: string) => t.db.archiveRecord.findUniqueOrThrow({ where: { id }, select: { status: true, flagNote: true, flaggedAt: true } });
const itemsOf = (requestId: string) => t.db.borrowItem.findMany({ where: { requestId }, select: { id: true, recordId: true, holdKey: true, returnCheck: true, returnNote: true } });
const slipOf = (id: string) => t.db.borrowRequest.findUniqueOrThrow({ where: { id } });
const auditsOf = (entityId: string, action: string) => t.db.auditLog.count({ where: { entityId, action } });

beforeAll(async () => {
  const s = await signedInAs(t.db, ["staff"]);
  staff = s.caller;
  staffId = s.user.id;
  staff2 = (await signedInAs(t.db, ["staff"])).caller;
  const m = await signedInAs(t.db, ["manager"]);
  manager = m.caller;
  managerId = m.user.id;
  const a = await signedInAs(t.db, ["archivist"]);
  archivist = a.caller;
  archivistId = a.user.id;
  archivist2Id = (await signedInAs(t.db, ["archivist"])).user.id;
  auditor = (await signedInAs(t.db, ["auditor"])).caller;
  classId = (await t.db.archiveClass.create({ data: { code: "JY", name: "借阅测试类", retentionYears: 30 }, select: { id: true } })).id;
});

describe("lend", () => {
  it("the archivist hands over an approved slip: lent, records 借出, held, audited, the borrower told", async () => {
    const [r1, r2] = [await record(), await record()];
    const req = await approvedSlip([r1.id, r2.id]);
    const lent = await archivist.borrowing.loans.lend({ requestId: req.id });
    expect(lent.status).toBe("lent");
    const slip = await slipOf(req.id);
    expect([slip.status, slip.lentById, slip.receivedAt]).toEqual(["lent", archivistId, null]);
    expect((await recordOf(r1.id)).status).toBe("lent");
    expect((await recordOf(r2.id)).status).toBe("lent");
    expect((await itemsOf(req.id)).map((i) => i.holdKey === i.recordId)).toEqual([true, true]);
    expect(await auditsOf(req.id, "borrow.lend")).toBe(1);
    expect(await auditsOf(r1.id, "archive.lend")).toBe(1);
    expect(await t.db.notification.count({ where: { userId: staffId, kind: "borrowLent" } })).toBeGreaterThanOrEqual(1);

    const again = await refusalOf(archivist.borrowing.loans.lend({ requestId: req.id }));
    expect([again.code, again.domainCode]).toEqual(["CONFLICT", "BORROW_WRONG_STATUS"]);
    expect(again.message).toContain(req.requestNo);
  });

  it("refuses a slip not approved yet, other roles, and a record that left the store meanwhile", async () => {
    const r = await record();
    const req = await staff.borrowing.requests.create({ recordIds: [r.id], borrowType: "reading", purpose: "查阅", dueOn: inDays(3) });
    expect((await refusalOf(archivist.borrowing.loans.lend({ requestId: req.id }))).domainCode).toBe("BORROW_WRONG_STATUS");
    await manager.borrowing.requests.approve({ requestId: req.id });
    for (const c of [staff, manager, auditor]) expect((await refusalOf(c.borrowing.loans.lend({ requestId: req.id }))).code).toBe("FORBIDDEN");

    await t.db.archiveRecord.update({ where: { id: r.id }, data: { status: "transferred" } });
    const gone = await refusalOf(archivist.borrowing.loans.lend({ requestId: req.id }));
    expect([gone.code, gone.domainCode]).toEqual(["CONFLICT", "BORROW_RECORD_UNAVAILABLE"]);
    expect(gone.message).toContain(r.archiveNo);
    expect((await slipOf(req.id)).status).toBe("approved");
    expect(await auditsOf(req.id, "borrow.lend")).toBe(0);
  });

  it("a staff member who also keeps the archive cannot hand their own slip over; a colleague can", async () => {
    const both = await signedInAs(t.db, ["staff", "archivist"]);
    const r = await record();
    const req = await approvedSlip([r.id], both.caller);
    const own = await refusalOf(both.caller.borrowing.loans.lend({ requestId: req.id }));
    expect([own.code, own.domainCode]).toEqual(["FORBIDDEN", "BORROW_SELF_LEND"]);
    expect(own.message).toBe("不能为自己的借出单办理借出，请由其他档案管理员办理。");
    expect((await slipOf(req.id)).status).toBe("approved");
    expect(await auditsOf(req.id, "borrow.lend")).toBe(0);
    await archivist.borrowing.loans.lend({ requestId: req.id });
    expect((await slipOf(req.id)).status).toBe("lent");
  });

  it("a missing-id or malformed input changes nothing", async () => {
    expect((await refusalOf(archivist.borrowing.loans.lend({ requestId: "nope" }))).code).toBe("BAD_REQUEST");
    expect((await refusalOf(archivist.borrowing.loans.lend({ requestId: crypto.randomUUID() }))).code).toBe("NOT_FOUND");
  });
});

describe("the borrower's receipt", () => {
  it("only the borrower, only once, only while lent", async () => {
    const r = await record();
    const req = await approvedSlip([r.id]);
    expect((await refusalOf(staff.borrowing.loans.confirmReceipt({ requestId: req.id }))).domainCode).toBe("BORROW_WRONG_STATUS");
    await archivist.borrowing.loans.lend({ requestId: req.id });
    const other = await refusalOf(staff2.borrowing.loans.confirmReceipt({ requestId: req.id }));
    expect([other.code, other.domainCode]).toEqual(["FORBIDDEN", "BORROW_NOT_BORROWER"]);
    const ok = await staff.borrowing.loans.confirmReceipt({ requestId: req.id });
    expect(ok.receivedAt).toBeInstanceOf(Date);
    expect((await slipOf(req.id)).receivedAt).not.toBeNull();
    expect((await refusalOf(staff.borrowing.loans.confirmReceipt({ requestId: req.id }))).domainCode).toBe("BORROW_ALREADY_RECEIVED");
    expect(await auditsOf(req.id, "borrow.confirmReceipt")).toBe(1);
  });
});

describe("return", () => {
  it("checks every record: an incomplete one is flagged; the slip is voided (kept), records back in store, holds released", async () => {
    const [r1, r2] = [await record(), await record()];
    const req = await lentSlip([r1.id, r2.id]);
    const items = await itemsOf(req.id);
    const i1 = items.find((i) => i.recordId === r1.id)!;
    const i2 = items.find((i) => i.recordId === r2.id)!;

    const partial = await refusalOf(archivist.borrowing.loans.return({ requestId: req.id, items: [{ itemId: i1.id, check: "complete" }] }));
    expect([partial.code, partial.domainCode]).toEqual(["BAD_REQUEST", "BORROW_RETURN_ITEMS_MISMATCH"]);
    const noNote = await refusalOf(
      archivist.borrowing.loans.return({ requestId: req.id, items: [{ itemId: i1.id, check: "complete" }, { itemId: i2.id, check: "incomplete", note: "" }] }),
    );
    expect(noNote.code).toBe("BAD_REQUEST");
    expect(noNote.fieldErrors).toEqual({ "items.1.note": "请注明缺少的内容（2–200 字）" });
    expect((await refusalOf(staff.borrowing.loans.return({ requestId: req.id, items: [{ itemId: i1.id, check: "complete" }] }))).code).toBe("FORBIDDEN");
    expect((await slipOf(req.id)).status).toBe("lent");

    const done = await archivist.borrowing.loans.return({
      requestId: req.id,
      items: [
        { itemId: i1.id, check: "complete" },
        { itemId: i2.id, check: "incomplete", note: "缺第 3 页" },
      ],
    });
    expect(done.incomplete).toEqual([r2.archiveNo]);
    const slip = await slipOf(req.id);
    expect([slip.status, slip.returnedToId]).toEqual(["returned", archivistId]);
    expect(slip.voidedAt).not.toBeNull();
    expect((await recordOf(r1.id)).status).toBe("in_store");
    expect((await recordOf(r1.id)).flaggedAt).toBeNull();
    const flagged = await recordOf(r2.id);
    expect(flagged.status).toBe("in_store");
    expect(flagged.flagNote).toBe(`${req.requestNo}：缺第 3 页`);
    expect(flagged.flaggedAt).not.toBeNull();
    const after = await itemsOf(req.id);
    expect(after.map((i) => i.holdKey)).toEqual([null, null]);
    expect(after.find((i) => i.id === i2.id)).toMatchObject({ returnCheck: "incomplete", returnNote: "缺第 3 页" });
    expect(await auditsOf(r2.id, "archive.flag")).toBe(1);
    expect(await auditsOf(req.id, "borrow.return")).toBe(1);
    expect(await t.db.notification.count({ where: { userId: staffId, kind: "borrowReturnedIncomplete" } })).toBe(1);

    expect((await refusalOf(archivist.borrowing.loans.return({ requestId: req.id, items: [{ itemId: i1.id, check: "complete" }, { itemId: i2.id, check: "complete" }] }))).domainCode).toBe("BORROW_WRONG_STATUS");

    // Released: the records can be borrowed again.
    const next = await approvedSlip([r1.id, r2.id], staff2);
    expect((await slipOf(next.id)).status).toBe("approved");

    // The record's page shows the flag; the archivist clears it with a note, once.
    const state = await staff.borrowing.loans.recordState({ recordId: r2.id });
    expect(state.flagNote).toContain("缺第 3 页");
    expect(state.heldBy?.requestNo).toBe(next.requestNo);
    expect((await refusalOf(staff.borrowing.loans.clearRecordFlag({ recordId: r2.id, comment: "已找回" }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(archivist.borrowing.loans.clearRecordFlag({ recordId: r2.id, comment: "" }))).fieldErrors).toEqual({ comment: "请填写 2–200 字的原因" });
    await archivist.borrowing.loans.clearRecordFlag({ recordId: r2.id, comment: "缺页已找回并归档" });
    expect(await recordOf(r2.id)).toMatchObject({ flagNote: null, flaggedAt: null });
    expect(await auditsOf(r2.id, "archive.clearFlag")).toBe(1);
    expect((await refusalOf(archivist.borrowing.loans.clearRecordFlag({ recordId: r2.id, comment: "再次解除" }))).domainCode).toBe("BORROW_FLAG_NOT_SET");
  });

  it("the slip page: the borrower and the handling roles see it with its history; other staff do not", async () => {
    const r = await record();
    const req = await lentSlip([r.id]);
    const mine = await staff.borrowing.loans.get({ requestId: req.id });
    expect(mine.items.map((i) => [i.record.archiveNo, i.record.location])).toEqual([[r.archiveNo, `A-3-${n}`]]);
    expect(mine.actions).toEqual(expect.arrayContaining(["renew", "return"]));
    expect(mine.history.map((h) => h.action)).toEqual(["borrow.create", "borrow.approve", "borrow.lend"]);
    expect(mine.lentBy).not.toBeNull();
    for (const c of [archivist, manager, auditor]) expect((await c.borrowing.loans.get({ requestId: req.id })).requestNo).toBe(req.requestNo);
    expect((await refusalOf(staff2.borrowing.loans.get({ requestId: req.id }))).code).toBe("FORBIDDEN");
  });
});

describe("the buttons a viewer gets on the slip page", () => {
  it("follow the status, the role and the person", async () => {
    const r = await record();
    const req = await staff.borrowing.requests.create({ recordIds: [r.id], borrowType: "copy", purpose: "复印合同首页", dueOn: inDays(4) });
    const actions = async (c: Caller) => (await c.borrowing.loans.get({ requestId: req.id })).viewerActions;
    expect(await actions(staff)).toEqual(["withdraw"]);
    expect(await actions(manager)).toEqual(["approve", "reject"]);
    expect(await actions(archivist)).toEqual([]);
    expect(await actions(auditor)).toEqual([]);
    await manager.borrowing.requests.approve({ requestId: req.id });
    expect(await actions(staff)).toEqual(["withdraw"]);
    expect(await actions(archivist)).toEqual(["lend"]);
    expect(await actions(manager)).toEqual([]);
    await archivist.borrowing.loans.lend({ requestId: req.id });
    expect(await actions(staff)).toEqual(["confirmReceipt", "requestRenewal"]);
    expect(await actions(archivist)).toEqual(["return"]);
    await staff.borrowing.loans.confirmReceipt({ requestId: req.id });
    await staff.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: inDays(8), reason: "需要再核对" });
    expect(await actions(staff)).toEqual([]);
    expect(await actions(manager)).toEqual(["decideRenewal"]);
    const [item] = await itemsOf(req.id);
    await archivist.borrowing.loans.return({ requestId: req.id, items: [{ itemId: item!.id, check: "complete" }] });
    for (const c of [staff, manager, archivist]) expect(await actions(c)).toEqual([]);
  });
});

describe("renewal requests", () => {
  it("the borrower asks for a later day within the maximum; one pending at a time; the manager is told; a return closes it", async () => {
    const r = await record();
    const req = await lentSlip([r.id], staff, inDays(5));
    expect((await refusalOf(staff2.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: inDays(10), reason: "仍需查阅" }))).domainCode).toBe("BORROW_NOT_BORROWER");
    const same = await refusalOf(staff.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: inDays(5), reason: "仍需查阅" }));
    expect([same.domainCode, same.message]).toEqual(["BORROW_RENEWAL_NOT_LATER", `续借后的归还日期须晚于当前的应还日期 ${inDays(5)}。`]);
    expect((await refusalOf(staff.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: inDays(31), reason: "仍需查阅" }))).domainCode).toBe("BORROW_DUE_TOO_LATE");
    expect((await refusalOf(staff.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: "2026-02-30", reason: "仍需查阅" }))).fieldErrors).toEqual({ newDueOn: "日期格式应为 2026-01-31" });

    const ok = await staff.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: inDays(12), reason: "诉讼尚未结束" });
    expect(ok.status).toBe("pending");
    expect((await refusalOf(staff.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: inDays(14), reason: "再续" }))).domainCode).toBe("BORROW_RENEWAL_PENDING");
    expect(await t.db.notification.count({ where: { userId: managerId, kind: "borrowRenewalRequested", params: { path: ["requestNo"], equals: req.requestNo } } })).toBe(1);
    expect((await staff.borrowing.loans.get({ requestId: req.id })).pendingRenewal).toBe(true);

    const [item] = await itemsOf(req.id);
    await archivist.borrowing.loans.return({ requestId: req.id, items: [{ itemId: item!.id, check: "complete" }] });
    const renewal = await t.db.borrowRenewal.findUniqueOrThrow({ where: { id: ok.id } });
    expect([renewal.status, renewal.pendingKey]).toEqual(["rejected", null]);
  });

  it("an approved renewal (the manager's decision) moves the due day; a renewed loan can ask again and be returned", async () => {
    const r = await record();
    const req = await lentSlip([r.id], staff, inDays(2));
    const asked = await staff.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: inDays(9), reason: "仍需查阅" });
    await manager.borrowing.requests.approveRenewal({ renewalId: asked.id });
    const slip = await staff.borrowing.loans.get({ requestId: req.id });
    expect([slip.status, slip.dueOn, slip.renewalCount, slip.pendingRenewal]).toEqual(["renewed", inDays(9), 1, false]);
    await staff.borrowing.loans.requestRenewal({ requestId: req.id, newDueOn: inDays(10), reason: "再续一天" });
    const [item] = await itemsOf(req.id);
    await archivist.borrowing.loans.return({ requestId: req.id, items: [{ itemId: item!.id, check: "complete" }] });
    expect((await slipOf(req.id)).status).toBe("returned");
  });
});

describe("the desk, its badge and the reminders", () => {
  it("lists waiting, on-loan (overdue first), overdue and returned-today slips, with search and counts", async () => {
    const [a, b, c, d] = [await record(), await record(), await record(), await record()];
    const waiting = await approvedSlip([a.id]);
    const soon = await lentSlip([b.id], staff, inDays(1));
    const later = await lentSlip([c.id], staff, inDays(6));
    const back = await lentSlip([d.id]);
    const [item] = await itemsOf(back.id);
    await archivist.borrowing.loans.return({ requestId: back.id, items: [{ itemId: item!.id, check: "complete" }] });

    expect((await archivist.borrowing.loans.desk({ view: "waiting" })).rows.map((r) => r.requestNo)).toContain(waiting.requestNo);
    const found = await archivist.borrowing.loans.desk({ view: "waiting", q: a.archiveNo });
    expect(found.rows.map((r) => r.requestNo)).toEqual([waiting.requestNo]);
    expect(found.rows[0]!.records[0]).toMatchObject({ archiveNo: a.archiveNo });
    expect((await archivist.borrowing.loans.desk({ view: "returnedToday" })).rows.map((r) => r.requestNo)).toContain(back.requestNo);
    expect((await refusalOf(staff.borrowing.loans.desk({}))).code).toBe("FORBIDDEN");

    // Three days on, the loan due tomorrow is overdue: first among the loans out, alone under 逾期.
    const threeDaysOn = new Date(Date.now() + 3 * 86_400_000);
    const onLoan = await deskList(t.db, { view: "onLoan", pageSize: 100 }, threeDaysOn);
    const order = onLoan.rows.map((r) => r.requestNo);
    expect(order.indexOf(soon.requestNo)).toBeLessThan(order.indexOf(later.requestNo));
    expect(onLoan.rows.find((r) => r.requestNo === soon.requestNo)).toMatchObject({ overdue: true, daysOverdue: 2 });
    expect(onLoan.rows.find((r) => r.requestNo === later.requestNo)).toMatchObject({ overdue: false, daysOverdue: 0 });
    const overdue = await deskList(t.db, { view: "overdue" }, threeDaysOn);
    expect(overdue.rows.map((r) => r.requestNo)).toContain(soon.requestNo);
    expect(overdue.rows.map((r) => r.requestNo)).not.toContain(later.requestNo);
    expect(overdue.counts.overdue).toBe(overdue.total);

    const badge = await deskBadge(t.db, ["archivist"], threeDaysOn);
    expect(badge["/borrowing/desk"]).toBe(overdue.counts.waiting + overdue.counts.overdue);
    expect(await deskBadge(t.db, ["staff"], threeDaysOn)).toEqual({});
  });

  it("reminds the borrower once per due day while it is near; an overdue loan gets nothing more from this job (the escalation ladder takes over)", async () => {
    const r = await record();
    const req = await lentSlip([r.id], staff2, inDays(1));
    const staff2Id = (await slipOf(req.id)).requesterId;
    const count = (userId: string, kind: string) => t.db.notification.count({ where: { userId, kind, link: `/borrowing/${req.id}` } });

    await sendLoanReminders(t.db, new Date());
    await sendLoanReminders(t.db, new Date());
    expect(await count(staff2Id, "borrowDueSoon")).toBe(1);
    const note = await t.db.notification.findFirstOrThrow({ where: { userId: staff2Id, kind: "borrowDueSoon", link: `/borrowing/${req.id}` } });
    expect(note.params).toMatchObject({ requestNo: req.requestNo, dueOn: inDays(1) });

    const later = new Date(Date.now() + 3 * 86_400_000);
    const sentForIt = () => t.db.notification.count({ where: { link: `/borrowing/${req.id}` } });
    const before = await sentForIt();
    const overdueRun = await sendLoanReminders(t.db, later);
    expect(overdueRun.sent).toBe(0);
    expect(await sentForIt()).toBe(before);

    // Returned: nothing more.
    const [item] = await itemsOf(req.id);
    await archivist.borrowing.loans.return({ requestId: req.id, items: [{ itemId: item!.id, check: "complete" }] });
    const reminders = () => t.db.notification.count({ where: { link: `/borrowing/${req.id}`, kind: { in: ["borrowOverdue", "borrowOverdueDesk", "borrowDueSoon"] } } });
    const sentBefore = await reminders();
    await sendLoanReminders(t.db, new Date(later.getTime() + 5 * 86_400_000));
    expect(await reminders()).toBe(sentBefore);
  });
});
