import { beforeAll, describe, expect, it } from "vitest";
import { checkComplaintClocks } from "../../server/domain/complaints/clock-checks";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 投诉 (issue 6, DOMAIN §3): intake, 首接负责制, assignment, progress, resolution, callback
// (a dissatisfied one reopens it), closing into the archive; clocks, lists and notices.
const t = useTestDatabase();
type Who = { caller: Caller; id: string; name: string };
let staff: Who, staff2: Who, supervisor: Who, supervisor2: Who, manager: Who;
let categoryId: string;
let unitId: string;
let clientId: string;
let deptId: string;
const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));

async function who(roles: Parameters<typeof signedInAs>[1]): Promise<Who> {
  const s = await signedInAs(t.db, roles);
  return { caller: s.caller, id: s.user.id, name: s.user.displayName };
}

const intake = (c: Caller, extra: Record<string, unknown> = {}) =>
  c.complaints.intake({ channel: "phone", categoryId, complainantName: "张三", contactPhone: "13812345678", content: "楼上渗水到客厅天花", ...extra });

const unreadKinds = async (userId: string) => (await t.db.notification.findMany({ where: { userId }, select: { kind: true } })).map((n) => n.kind);

beforeAll(async () => {
  [staff, staff2, supervisor, supervisor2, manager] = await Promise.all([who(["staff"]), who(["staff"]), who(["supervisor"]), who(["supervisor"]), who(["manager"])]);
  categoryId = (await t.db.complaintCategory.create({ data: { code: "GCZL", name: "工程质量" }, select: { id: true } })).id;
  const project = await t.db.project.create({ data: { code: "HJY", name: "华景园" }, select: { id: true } });
  const building = await t.db.building.create({ data: { projectId: project.id, code: "1", name: "1栋" }, select: { id: true } });
  unitId = (await t.db.unit.create({ data: { buildingId: building.id, number: "0801" }, select: { id: true } })).id;
  clientId = (await t.db.client.create({ data: { kind: "individual", name: "欧阳娜娜", phone: "13900001111", units: { create: { unitId } } }, select: { id: true } })).id;
  deptId = (await t.db.department.create({ data: { code: "GCB", name: "工程部" }, select: { id: true } })).id;
  await t.db.archiveClass.create({ data: { code: "TS", name: "客户投诉/报修档案", retentionYears: 10 } });
});

describe("intake", () => {
  it("numbers TS-year-0001 onwards without gaps, also when intakes run at once and one fails", async () => {
    const first = await intake(staff.caller);
    expect(first.complaintNo).toBe(`TS-${year}-0001`);
    const bad = await refusalOf(intake(staff.caller, { categoryId: "00000000-0000-4000-8000-000000000000" }));
    expect(bad.domainCode).toBe("COMPLAINT_CATEGORY_UNKNOWN");
    const many = await Promise.all(Array.from({ length: 5 }, (_, i) => intake(i % 2 ? staff.caller : staff2.caller, { complainantName: `并发${i}` })));
    const seqs = many.map((c) => Number(c.complaintNo.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual([2, 3, 4, 5, 6]);
  });

  it("links a client and unit, takes the client's phone when none is given, and shows it masked", async () => {
    const c = await intake(staff.caller, { clientId, unitId, contactPhone: "", complainantName: "欧阳娜娜" });
    const got = await staff.caller.complaints.get({ complaintId: c.id });
    expect(got.contactPhoneMasked).toBe("139****1111");
    expect(JSON.stringify(got)).not.toContain("13900001111");
    expect(got.unit).toBe("华景园 1栋 0801");
    expect(got.responsible).toBe(staff.name); // 首接负责制
    expect((await staff.caller.complaints.revealContact({ complaintId: c.id })).contactPhone).toBe("13900001111");
    const audit = await t.db.auditLog.findFirst({ where: { action: "complaint.reveal", entityId: c.id } });
    expect(audit?.actorId).toBe(staff.id);
    // Someone neither handling it nor due to call back sees it masked only.
    expect((await staff2.caller.complaints.get({ complaintId: c.id })).canReveal).toBe(false);
    expect((await refusalOf(staff2.caller.complaints.revealContact({ complaintId: c.id }))).domainCode).toBe("COMPLAINT_NOT_RESPONSIBLE");
  });

  it("finds complainants as you type: by name, by unit number, by exact phone", async () => {
    expect((await staff.caller.complaints.searchComplainants({ q: "欧阳" }))[0]).toMatchObject({ clientId, unitId, unit: "华景园 1栋 0801", phone: "139****1111" });
    expect((await staff.caller.complaints.searchComplainants({ q: "0801" })).map((h) => h.clientId)).toContain(clientId);
    expect((await staff.caller.complaints.searchComplainants({ q: "13900001111" })).map((h) => h.name)).toEqual(["欧阳娜娜"]);
    expect(await staff.caller.complaints.searchComplainants({ q: "不存在的人" })).toEqual([]);
  });

  it("keeps the promise within two days of receipt and refuses bad input with the field's message", async () => {
    const before = await t.db.complaint.count();
    const late = await refusalOf(intake(staff.caller, { receivedAt: "2026-01-31 23:00", promisedReplyAt: "2026-02-03 09:00" }));
    expect([late.code, late.domainCode]).toEqual(["BAD_REQUEST", "COMPLAINT_PROMISE_TOO_LATE"]);
    expect(late.message).toBe("承诺答复时间最迟为 2026-02-02 23:00");
    // The date-order refusals name their field: the form shows them under it, not in a toast (issue 17 #3).
    expect(late.fieldErrors).toEqual({ promisedReplyAt: "承诺答复时间最迟为 2026-02-02 23:00" });
    const early = await refusalOf(intake(staff.caller, { receivedAt: "2026-01-31 23:00", promisedReplyAt: "2026-01-31 20:00" }));
    expect([early.domainCode, early.fieldErrors]).toEqual(["COMPLAINT_PROMISE_BEFORE_RECEIPT", { promisedReplyAt: "承诺答复时间不能早于受理时间" }]);
    const r = await refusalOf(staff.caller.complaints.intake({ channel: "phone", categoryId, complainantName: "", content: "x", contactPhone: "12ab" }));
    expect(r.fieldErrors).toMatchObject({ complainantName: "请填写投诉人", content: "请填写 2–2000 字的内容", contactPhone: "请输入正确的手机号或座机号" });
    const future = await refusalOf(intake(staff.caller, { receivedAt: `${year + 1}-01-01 10:00` }));
    expect(future.message).toBe("受理时间不能晚于现在");
    expect(future.fieldErrors).toEqual({ receivedAt: "受理时间不能晚于现在" });
    expect(await t.db.complaint.count()).toBe(before);
    // The default promise is the latest allowed: receipt + 2 days.
    const ok = await intake(staff.caller, { receivedAt: "2026-01-31 23:00" });
    const row = await t.db.complaint.findUniqueOrThrow({ where: { id: ok.id } });
    expect(row.promisedReplyAt.toISOString()).toBe("2026-02-02T15:00:00.000Z");
    expect(row.progressDueAt?.toISOString()).toBe("2026-01-31T19:00:00.000Z"); // 23:00 + 4 h = 03:00 Shanghai
  });

  it("escalates a major complaint to the manager at once and lists it among the major ones", async () => {
    const c = await intake(staff.caller, { severity: "major", content: "多户业主联名投诉外墙开裂" });
    expect(await unreadKinds(manager.id)).toContain("complaintMajor");
    const major = await supervisor.caller.complaints.list({ view: "major" });
    expect(major.rows.map((r) => r.id)).toContain(c.id);
    expect(major.rows.every((r) => r.severity === "major")).toBe(true);
  });
});

describe("the workflow", () => {
  it("front desk → supervisor assigns → handler reports and resolves → dissatisfied callback reopens → resolved again → callback → closed and filed", async () => {
    const c = await intake(staff.caller, { content: "卫生间防水层破损" });
    // Staff cannot assign; the receiver owns it until then.
    expect((await refusalOf(staff.caller.complaints.assign({ complaintId: c.id, assigneeId: staff2.id, note: "请跟进" }))).code).toBe("FORBIDDEN");
    expect((await supervisor.caller.complaints.list({ view: "unassigned" })).rows.map((r) => r.id)).toContain(c.id);

    await supervisor.caller.complaints.assign({ complaintId: c.id, assigneeId: staff2.id, note: "请黄伟跟进处理" });
    expect(await unreadKinds(staff2.id)).toContain("complaintAssigned");
    expect((await staff2.caller.complaints.list({ view: "mine" })).rows.map((r) => r.id)).toContain(c.id);
    expect((await staff.caller.complaints.list({ view: "mine" })).rows.map((r) => r.id)).not.toContain(c.id);
    // Handed on: the receiver no longer answers for it.
    const notMine = await refusalOf(staff.caller.complaints.progress({ complaintId: c.id, note: "我来看看" }));
    expect([notMine.code, notMine.message]).toEqual(["FORBIDDEN", "您不是此投诉的负责人"]);

    await staff2.caller.complaints.progress({ complaintId: c.id, note: "已联系工程部上门查看" });
    await staff2.caller.complaints.reply({ complaintId: c.id, note: "已电话告知业主维修安排" });
    await staff2.caller.complaints.resolve({ complaintId: c.id, note: "已重做防水层" });
    let got = await staff.caller.complaints.get({ complaintId: c.id });
    expect([got.status, got.clocks.reply.state, got.clocks.progress.state, got.clocks.callback.state]).toEqual(["resolved", "met", "none", "running"]);
    expect(got.actions).toContain("callback");

    await staff.caller.complaints.callback({ complaintId: c.id, satisfaction: "dissatisfied", note: "业主反映仍有渗水" });
    got = await staff.caller.complaints.get({ complaintId: c.id });
    expect([got.status, got.reopenCount, got.clocks.callback.state, got.clocks.progress.state]).toEqual(["in_progress", 1, "none", "running"]);
    expect(await unreadKinds(supervisor.id)).toContain("complaintReopened");
    expect(await unreadKinds(staff2.id)).toContain("complaintReopened");

    await staff2.caller.complaints.resolve({ complaintId: c.id, note: "更换止水节，闭水试验 48 小时无渗漏" });
    await staff.caller.complaints.callback({ complaintId: c.id, satisfaction: "satisfied", note: "业主确认已无渗水" });
    const closed = await staff2.caller.complaints.close({ complaintId: c.id, note: "回访满意，结案" });
    expect(closed.status).toBe("closed");

    got = await staff.caller.complaints.get({ complaintId: c.id });
    expect(got.events.map((e) => e.kind)).toEqual(["intake", "assign", "progress", "reply", "resolve", "reopen", "resolve", "callback", "close"]);
    expect(got.events.every((e) => e.note.length >= 2)).toBe(true);
    expect(got.callbacks.map((k) => k.satisfaction)).toEqual(["dissatisfied", "satisfied"]);
    expect(got.actions).toEqual([]);
    const filed = got.events.at(-1)!.data as { archiveNo: string };
    expect(filed.archiveNo).toMatch(new RegExp(`^TS-${year}-\\d{6}$`));
    const record = await t.db.archiveRecord.findUniqueOrThrow({ where: { archiveNo: filed.archiveNo }, select: { title: true } });
    expect(record.title).toContain(c.complaintNo);

    const audit = await t.db.auditLog.findMany({ where: { entity: "Complaint", entityId: c.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual([
      "complaint.create",
      "complaint.assign",
      "complaint.progress",
      "complaint.reply",
      "complaint.resolve",
      "complaint.reopen",
      "complaint.resolve",
      "complaint.callback",
      "complaint.close",
    ]);
    // Closed is final: nothing more changes it.
    expect((await refusalOf(supervisor.caller.complaints.progress({ complaintId: c.id, note: "再补充" }))).domainCode).toBe("COMPLAINT_WRONG_STATUS");
  });

  it("assigns to a department; the receiver keeps following it up", async () => {
    const c = await intake(staff.caller);
    await supervisor.caller.complaints.assign({ complaintId: c.id, assigneeDeptId: deptId, note: "交工程部处理" });
    const got = await staff.caller.complaints.get({ complaintId: c.id });
    expect([got.department, got.responsible, got.status]).toEqual(["工程部", staff.name, "in_progress"]);
    await staff.caller.complaints.progress({ complaintId: c.id, note: "工程部已排期周三上门" });
    const both = await refusalOf(supervisor.caller.complaints.assign({ complaintId: c.id, assigneeId: staff2.id, assigneeDeptId: deptId, note: "两个都选" }));
    expect(both.fieldErrors).toMatchObject({ assigneeId: "请选择一个人员或一个部门" });
  });

  it("has major complaints called back by the supervisor or the manager only", async () => {
    const c = await intake(staff.caller, { severity: "major" });
    await staff.caller.complaints.resolve({ complaintId: c.id, note: "当场解决" });
    const r = await refusalOf(staff.caller.complaints.callback({ complaintId: c.id, satisfaction: "satisfied", note: "满意" }));
    expect([r.code, r.domainCode]).toEqual(["FORBIDDEN", "COMPLAINT_MAJOR_CALLBACK"]);
    await manager.caller.complaints.callback({ complaintId: c.id, satisfaction: "very_satisfied", note: "经理回访，业主非常满意" });
    expect((await t.db.complaint.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("called_back");
  });

  it("escalates a normal complaint later (leads only), once", async () => {
    const c = await intake(staff.caller);
    expect((await refusalOf(staff.caller.complaints.escalate({ complaintId: c.id, note: "升级" }))).code).toBe("FORBIDDEN");
    await supervisor.caller.complaints.escalate({ complaintId: c.id, note: "业主扬言投诉媒体" });
    const again = await refusalOf(supervisor.caller.complaints.escalate({ complaintId: c.id, note: "再升级" }));
    expect(again.domainCode).toBe("COMPLAINT_ALREADY_MAJOR");
    expect((await t.db.notification.count({ where: { userId: manager.id, kind: "complaintMajor", link: `/complaints/${c.id}` } }))).toBe(1);
  });
});

describe("concurrency", () => {
  it("two supervisors assigning the same version at once: one wins, the other is told it changed", async () => {
    const c = await intake(staff.caller);
    const { version } = await t.db.complaint.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } });
    const results = await Promise.allSettled([
      supervisor.caller.complaints.assign({ complaintId: c.id, version, assigneeId: staff.id, note: "给王丽娜" }),
      supervisor2.caller.complaints.assign({ complaintId: c.id, version, assigneeId: staff2.id, note: "给黄伟" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const refusal = await refusalOf(Promise.reject(lost.reason));
    expect([refusal.code, refusal.domainCode]).toEqual(["CONFLICT", "COMPLAINT_CHANGED"]);
    expect(await t.db.serviceEvent.count({ where: { complaintId: c.id, kind: "assign" } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { entityId: c.id, action: "complaint.assign" } })).toBe(1);
  });

  it("two callbacks at once on one resolution: one callback is recorded", async () => {
    const c = await intake(staff.caller);
    const { version } = await staff.caller.complaints.resolve({ complaintId: c.id, note: "当场解决" });
    const results = await Promise.allSettled([
      staff.caller.complaints.callback({ complaintId: c.id, version, satisfaction: "satisfied", note: "满意" }),
      supervisor.caller.complaints.callback({ complaintId: c.id, version, satisfaction: "dissatisfied", note: "不满意" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.serviceCallback.count({ where: { complaintId: c.id } })).toBe(1);
  });
});

describe("clocks, lists and the periodic check", () => {
  it("lists a complaint whose progress clock ran out as overdue and tells the responsible person and supervisors once", async () => {
    const c = await intake(staff.caller, { complainantName: "超时测试" });
    const past = new Date(Date.now() - 5 * 3600_000);
    await t.db.complaint.update({ where: { id: c.id }, data: { lastProgressAt: past, progressDueAt: new Date(past.getTime() + 4 * 3600_000) } });
    const overdue = await supervisor.caller.complaints.list({ view: "overdue", pageSize: 100 });
    const row = overdue.rows.find((r) => r.id === c.id);
    expect(row?.clocks.progress.state).toBe("late");
    const counts = await supervisor.caller.complaints.counts();
    expect(counts.overdue).toBeGreaterThanOrEqual(1);

    const first = await checkComplaintClocks(t.db, new Date());
    expect(first.progress).toBeGreaterThanOrEqual(1);
    const kinds = await t.db.notification.findMany({ where: { kind: "complaintProgressLate", link: `/complaints/${c.id}` }, select: { userId: true } });
    expect(kinds.map((k) => k.userId).sort()).toEqual([staff.id, supervisor.id, supervisor2.id].sort());
    await checkComplaintClocks(t.db, new Date());
    expect(await t.db.notification.count({ where: { kind: "complaintProgressLate", link: `/complaints/${c.id}` } })).toBe(3);

    // A progress note 1 h late counts a lapse and starts the clock again: no longer overdue.
    await staff.caller.complaints.progress({ complaintId: c.id, note: "补报进展" });
    const after = await t.db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.progressLapses).toBe(1);
    expect((await supervisor.caller.complaints.list({ view: "overdue", pageSize: 100 })).rows.map((r) => r.id)).not.toContain(c.id);
  });

  it("进展超时次数 counts the lapse still running: a complaint shown 超时 never reads 0 (issue 17 §6)", async () => {
    const c = await intake(staff.caller, { complainantName: "长期超时" });
    const past = new Date(Date.now() - 274 * 24 * 3600_000);
    await t.db.complaint.update({ where: { id: c.id }, data: { lastProgressAt: past, progressDueAt: new Date(past.getTime() + 4 * 3600_000) } });
    const late = await staff.caller.complaints.get({ complaintId: c.id });
    expect(late.clocks.progress.state).toBe("late");
    expect(late.progressLapses).toBe(1);
    // The late note closes that lapse (stored) and starts a fresh clock: still 1, not 2.
    await staff.caller.complaints.progress({ complaintId: c.id, note: "补报进展" });
    const caught = await staff.caller.complaints.get({ complaintId: c.id });
    expect(caught.clocks.progress.state).not.toBe("late");
    expect(caught.progressLapses).toBe(1);
    // Late again: the recorded one plus the running one.
    await t.db.complaint.update({ where: { id: c.id }, data: { progressDueAt: new Date(Date.now() - 60_000) } });
    expect((await staff.caller.complaints.get({ complaintId: c.id })).progressLapses).toBe(2);
  });

  it("searches, filters, sorts and pages", async () => {
    const a = await intake(staff.caller, { complainantName: "司徒检索", channel: "visit" });
    const hits = await staff.caller.complaints.list({ q: "司徒" });
    expect(hits.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await staff.caller.complaints.list({ q: a.complaintNo })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await staff.caller.complaints.list({ channel: "visit" })).rows.every((r) => r.channel === "visit")).toBe(true);
    const asc = await staff.caller.complaints.list({ sort: "complaintNo", dir: "asc", pageSize: 3 });
    expect(asc.rows.map((r) => r.complaintNo)).toEqual([...asc.rows.map((r) => r.complaintNo)].sort());
    expect(asc.rows[0]!.complaintNo).toBe(`TS-${year}-0001`);
    const page2 = await staff.caller.complaints.list({ sort: "complaintNo", dir: "asc", pageSize: 3, page: 2 });
    expect(page2.rows[0]!.complaintNo).toBe(`TS-${year}-0004`);
    expect(page2.total).toBe(asc.total);
  });
});
