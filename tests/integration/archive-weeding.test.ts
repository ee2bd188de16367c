import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 剔除/销毁 and 移出 (issue 4 item 8, 002 §2): the archivist draws up lists, the manager decides
// on destruction; the records, the list and the decision stay.
const t = useTestDatabase();
let archivist: Caller;
let archivist2: Caller;
let manager: Caller;
let manager2: Caller;
let staff: Caller;
let archivistId: string;
let managerId: string;
let manager2Id: string;
let classId: string;

async function pastRecord(title: string, formedOn = "2012-05-01") {
  return inTransaction(t.db, (tx) =>
    insertArchiveRecord(tx, { id: archivistId, name: "test" }, { classId, title, formedOn, retentionYears: 10, confidentiality: "internal" }),
  );
}

const statusOf = async (id: string) => (await t.db.archiveRecord.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

beforeAll(async () => {
  const a = await signedInAs(t.db, ["archivist"]);
  archivist = a.caller;
  archivistId = a.user.id;
  archivist2 = (await signedInAs(t.db, ["archivist"])).caller;
  const m = await signedInAs(t.db, ["manager"]);
  manager = m.caller;
  managerId = m.user.id;
  const m2 = await signedInAs(t.db, ["manager"]);
  manager2 = m2.caller;
  manager2Id = m2.user.id;
  staff = (await signedInAs(t.db, ["staff"])).caller;
  classId = (await t.db.archiveClass.create({ data: { code: "NB", name: "部门内部档案", retentionYears: 10 }, select: { id: true } })).id;
});

describe("proposals and lists", () => {
  it("proposes in-store records past retention only, and numbers lists XH-year-001 onwards without gaps", async () => {
    const old = await pastRecord("2012 年会议记录");
    const fresh = await pastRecord("今年的周计划", new Date().toISOString().slice(0, 10));
    const proposals = await archivist.archive.weeding.proposals({});
    const ids = proposals.rows.map((r) => r.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(fresh.id);

    const year = new Date().getFullYear();
    const list = await archivist.archive.weeding.create({ kind: "destroy", reason: "保管期满，经鉴定无保存价值", recordIds: [old.id] });
    expect(list.listNo).toMatch(new RegExp(`^XH-${year}-\\d{3}$`));
    // On an open list now: no longer proposed, and cannot go on a second list.
    expect((await archivist.archive.weeding.proposals({})).rows.map((r) => r.id)).not.toContain(old.id);
    const r = await refusalOf(archivist.archive.weeding.create({ kind: "destroy", reason: "重复列入", recordIds: [old.id] }));
    expect([r.code, r.domainCode]).toEqual(["BAD_REQUEST", "WEEDING_RECORD_NOT_ELIGIBLE"]);
    expect(r.message).toContain(old.archiveNo);
    // A record not past retention cannot go on a destruction list.
    const r2 = await refusalOf(archivist.archive.weeding.create({ kind: "destroy", reason: "未到期", recordIds: [fresh.id] }));
    expect(r2.message).toContain(fresh.archiveNo);
  });

  it("numbers concurrently created lists consecutively", async () => {
    const recs = await Promise.all(Array.from({ length: 6 }, (_, i) => pastRecord(`并发清单档案${i}`)));
    const lists = await Promise.all(recs.map((r) => archivist.archive.weeding.create({ kind: "destroy", reason: "并发建立", recordIds: [r.id] })));
    const seqs = lists.map((l) => Number(l.listNo.slice(-3))).sort((a, b) => a - b);
    const all = (await t.db.weedingList.findMany({ where: { kind: "destroy" }, select: { listNo: true } })).map((l) => Number(l.listNo.slice(-3))).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(new Set(seqs).size).toBe(6);
  });

  it("refuses bad input with the field's message and changes nothing", async () => {
    const before = await t.db.weedingList.count();
    const r = await refusalOf(archivist.archive.weeding.create({ kind: "destroy", reason: "x", recordIds: [] }));
    expect(r.fieldErrors).toEqual({ reason: "请填写 2–200 字的原因", recordIds: "请至少选择一份档案" });
    expect(await t.db.weedingList.count()).toBe(before);
  });
});

describe("approval of a destruction list", () => {
  it("staff and the archivist cannot approve; the manager approves → records 已销毁, list and rows kept", async () => {
    const recs = [await pastRecord("2013 年工作总结"), await pastRecord("2013 年公司通知")];
    const list = await archivist.archive.weeding.create({ kind: "destroy", reason: "保管期满", recordIds: recs.map((r) => r.id) });
    // Not yet submitted: the manager cannot approve a draft.
    expect((await refusalOf(manager.archive.weeding.approve({ listId: list.id }))).domainCode).toBe("WEEDING_WRONG_STATUS");
    await archivist.archive.weeding.submit({ listId: list.id });

    expect((await refusalOf(staff.archive.weeding.approve({ listId: list.id }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(archivist.archive.weeding.approve({ listId: list.id }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(staff.archive.weeding.lists({}))).code).toBe("FORBIDDEN");

    const pending = await manager.archive.weeding.lists({});
    expect(pending.awaitingApproval).toBeGreaterThanOrEqual(1);

    const done = await manager.archive.weeding.approve({ listId: list.id, comment: "同意销毁" });
    expect(done).toMatchObject({ status: "approved", recordCount: 2 });
    for (const r of recs) expect(await statusOf(r.id)).toBe("destroyed");

    const kept = await manager.archive.weeding.get({ listId: list.id });
    expect(kept).toMatchObject({ status: "approved", decisionComment: "同意销毁", itemCount: 2, actions: [] });
    expect(kept.items.map((i) => i.status)).toEqual(["destroyed", "destroyed"]);
    const audit = await t.db.auditLog.findMany({ where: { action: { in: ["weeding.approve", "archive.destroy"] }, entityId: { in: [list.id, ...recs.map((r) => r.id)] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["archive.destroy", "archive.destroy", "weeding.approve"]);
    expect(audit.find((a) => a.action === "weeding.approve")!.before).toMatchObject({ status: "submitted" });
  });

  it("a submitted destruction list waits in every manager's inbox; the decision goes back to the archivist who drew it up", async () => {
    const link = (id: string) => `/archive/weeding/${id}`;
    const inbox = (userId: string, kind: string, id: string) => t.db.notification.findMany({ where: { userId, kind, link: link(id) }, select: { params: true } });
    const approved = await archivist.archive.weeding.create({ kind: "destroy", reason: "保管期满", recordIds: [(await pastRecord("2014 年会议纪要")).id] });
    await archivist.archive.weeding.submit({ listId: approved.id });
    for (const id of [managerId, manager2Id]) expect(await inbox(id, "weedingSubmitted", approved.id)).toEqual([{ params: expect.objectContaining({ listNo: approved.listNo }) }]);
    expect(await inbox(archivistId, "weedingSubmitted", approved.id)).toEqual([]);
    await manager.archive.weeding.approve({ listId: approved.id });
    expect(await inbox(archivistId, "weedingApproved", approved.id)).toHaveLength(1);

    const rejected = await archivist.archive.weeding.create({ kind: "destroy", reason: "保管期满", recordIds: [(await pastRecord("2014 年值班记录")).id] });
    await archivist.archive.weeding.submit({ listId: rejected.id });
    await manager2.archive.weeding.reject({ listId: rejected.id, comment: "请补充鉴定意见" });
    expect(await inbox(archivistId, "weedingRejected", rejected.id)).toEqual([{ params: expect.objectContaining({ listNo: rejected.listNo, comment: "请补充鉴定意见" }) }]);
  });

  it("two managers approving at once: exactly one succeeds", async () => {
    const recs = [await pastRecord("并发审批一"), await pastRecord("并发审批二")];
    const list = await archivist.archive.weeding.create({ kind: "destroy", reason: "保管期满", recordIds: recs.map((r) => r.id) });
    await archivist.archive.weeding.submit({ listId: list.id });
    const results = await Promise.allSettled([manager.archive.weeding.approve({ listId: list.id }), manager2.archive.weeding.approve({ listId: list.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((await refusalOf(Promise.reject(lost.reason))).domainCode).toBe("WEEDING_WRONG_STATUS");
    expect(await t.db.auditLog.count({ where: { action: "weeding.approve", entityId: list.id } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "archive.destroy", entityId: { in: recs.map((r) => r.id) } } })).toBe(2);
  });

  it("a record lent meanwhile blocks the approval, naming its 档号, and nothing changes", async () => {
    const recs = [await pastRecord("借出阻止一"), await pastRecord("借出阻止二")];
    const list = await archivist.archive.weeding.create({ kind: "destroy", reason: "保管期满", recordIds: recs.map((r) => r.id) });
    await archivist.archive.weeding.submit({ listId: list.id });
    await t.db.archiveRecord.update({ where: { id: recs[1]!.id }, data: { status: "lent" } });
    const auditBefore = await t.db.auditLog.count();

    const r = await refusalOf(manager.archive.weeding.approve({ listId: list.id }));
    expect([r.code, r.domainCode]).toEqual(["CONFLICT", "WEEDING_RECORDS_NOT_IN_STORE"]);
    expect(r.message).toContain(recs[1]!.archiveNo);
    expect(r.message).not.toContain(recs[0]!.archiveNo);
    expect(await statusOf(recs[0]!.id)).toBe("in_store");
    expect(await statusOf(recs[1]!.id)).toBe("lent");
    expect((await t.db.weedingList.findUniqueOrThrow({ where: { id: list.id } })).status).toBe("submitted");
    expect(await t.db.auditLog.count()).toBe(auditBefore);

    // The manager may reject it instead, with a reason; the list stays on record.
    expect((await refusalOf(manager.archive.weeding.reject({ listId: list.id, comment: "" }))).fieldErrors).toEqual({ comment: "请填写 2–200 字的原因" });
    expect(await manager.archive.weeding.reject({ listId: list.id, comment: "档案外借中，待归还后重新提交" })).toMatchObject({ status: "rejected" });
    expect(await statusOf(recs[0]!.id)).toBe("in_store");
    // The rejected list no longer holds its records: they can be proposed again.
    expect((await archivist.archive.weeding.proposals({})).rows.map((x) => x.id)).toContain(recs[0]!.id);
  });

  it("refuses approval by the person who created the list", async () => {
    const both = await signedInAs(t.db, ["archivist", "manager"]);
    const rec = await pastRecord("自建自批");
    const list = await both.caller.archive.weeding.create({ kind: "destroy", reason: "保管期满", recordIds: [rec.id] });
    await both.caller.archive.weeding.submit({ listId: list.id });
    const r = await refusalOf(both.caller.archive.weeding.approve({ listId: list.id }));
    expect([r.code, r.domainCode, r.message]).toEqual(["FORBIDDEN", "WEEDING_SELF_APPROVAL", "不能审批自己建立的清单。"]);
    expect(await statusOf(rec.id)).toBe("in_store");
  });

  it("a draft can be voided with a reason, never deleted", async () => {
    const rec = await pastRecord("作废草稿");
    const list = await archivist2.archive.weeding.create({ kind: "destroy", reason: "保管期满", recordIds: [rec.id] });
    expect(await archivist.archive.weeding.void({ listId: list.id, comment: "选错档案" })).toMatchObject({ status: "rejected" });
    expect((await refusalOf(archivist.archive.weeding.submit({ listId: list.id }))).domainCode).toBe("WEEDING_WRONG_STATUS");
    expect(await t.db.weedingList.count({ where: { id: list.id } })).toBe(1);
  });
});

describe("transfer (移出)", () => {
  it("moves records to 已移出 without approval; a transfer list cannot be submitted", async () => {
    const recs = [await pastRecord("移出一", "2024-01-01"), await pastRecord("移出二", "2024-01-02")];
    const list = await archivist.archive.weeding.create({ kind: "transfer", reason: "移交集团档案室", recordIds: recs.map((r) => r.id) });
    expect(list.listNo).toMatch(/^YC-\d{4}-001$/);
    expect((await refusalOf(archivist.archive.weeding.submit({ listId: list.id }))).domainCode).toBe("WEEDING_TRANSFER_NO_APPROVAL");
    expect((await refusalOf(staff.archive.weeding.execute({ listId: list.id }))).code).toBe("FORBIDDEN");
    expect(await archivist.archive.weeding.execute({ listId: list.id })).toMatchObject({ status: "done", recordCount: 2 });
    for (const r of recs) expect(await statusOf(r.id)).toBe("transferred");
    expect(await t.db.auditLog.count({ where: { action: "archive.transfer", entityId: { in: recs.map((r) => r.id) } } })).toBe(2);
  });
});
