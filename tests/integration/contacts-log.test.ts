import { beforeAll, describe, expect, it } from "vitest";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 客户来电来访登记 (issue 9 §0): record, list with filters, follow-up, correct and void (audited,
// nothing deleted), 转投诉 / 转报修 linked both ways, who may do what.
const t = useTestDatabase();
type Who = { caller: Caller; id: string; name: string };
let desk: Who, desk2: Who, supervisor: Who, auditor: Who;
let unitId: string, clientId: string, categoryId: string;
const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));

async function who(roles: Parameters<typeof signedInAs>[1]): Promise<Who> {
  const s = await signedInAs(t.db, roles);
  return { caller: s.caller, id: s.user.id, name: s.user.displayName };
}

const call = (c: Caller, extra: Record<string, unknown> = {}) =>
  c.contacts.record({ channel: "phone", purpose: "consult", callerName: "路人甲", callerPhone: "13700001234", content: "询问产权证办理进度", answer: "预计下月可领取", ...extra });

beforeAll(async () => {
  [desk, desk2, supervisor, auditor] = await Promise.all([who(["staff"]), who(["staff"]), who(["supervisor"]), who(["auditor"])]);
  const project = await t.db.project.create({ data: { code: "HJY", name: "华景园" }, select: { id: true } });
  const building = await t.db.building.create({ data: { projectId: project.id, code: "1", name: "1栋" }, select: { id: true } });
  unitId = (await t.db.unit.create({ data: { buildingId: building.id, number: "0801" }, select: { id: true } })).id;
  clientId = (await t.db.client.create({ data: { kind: "individual", name: "欧阳娜娜", phone: "13900001111", units: { create: { unitId } } }, select: { id: true } })).id;
  categoryId = (await t.db.complaintCategory.create({ data: { code: "GCZL", name: "工程质量" }, select: { id: true } })).id;
});

describe("recording", () => {
  it("numbers LD-year-00001 onwards, defaults the time to now, and audits the entry", async () => {
    const before = Date.now();
    const c = await call(desk.caller);
    expect(c.contactNo).toBe(`LD-${year}-00001`);
    const row = await t.db.contactLog.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.recordedById).toBe(desk.id);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: c.id, action: "contact.create" } });
    expect(JSON.stringify(audit.after)).toContain("137****1234");
    expect(JSON.stringify(audit.after)).not.toContain("13700001234");
  });

  it("links a picked client and unit, takes the client's phone, and lists it masked", async () => {
    const c = await call(desk.caller, { clientId, unitId, callerName: "欧阳娜娜", callerPhone: "", purpose: "repair", channel: "visit", followUpNeeded: true, occurredAt: "2026-03-02 10:05" });
    const got = await desk.caller.contacts.get({ contactId: c.id });
    expect(got).toMatchObject({ unit: "华景园 1栋 0801", callerPhone: "139****1111", occurredAtText: "2026-03-02 10:05", followUp: "open", channel: "visit" });
    expect(JSON.stringify(got)).not.toContain("13900001111");
  });

  it("refuses bad input with field messages and a time in the future, and changes nothing", async () => {
    const count = await t.db.contactLog.count();
    const r = await refusalOf(desk.caller.contacts.record({ channel: "phone", purpose: "consult", callerName: "", callerPhone: "12", content: "x" }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.fieldErrors).toMatchObject({ callerName: "请填写来电/来访人", callerPhone: "请输入正确的手机号或座机号", content: "请填写 2–2000 字的内容" });
    const future = await refusalOf(call(desk.caller, { occurredAt: "2099-01-01 10:00" }));
    expect(future.message).toBe("来电/来访时间不能晚于现在");
    expect(await t.db.contactLog.count()).toBe(count);
  });

  it("is for the desk and the leads; the auditor and the archivist cannot record", async () => {
    expect((await refusalOf(call(auditor.caller))).code).toBe("FORBIDDEN");
    const archivist = await who(["archivist"]);
    expect((await refusalOf(call(archivist.caller))).code).toBe("FORBIDDEN");
    expect((await refusalOf(archivist.caller.contacts.list({}))).code).toBe("FORBIDDEN");
    expect((await auditor.caller.contacts.list({})).total).toBeGreaterThan(0);
  });
});

describe("the list", () => {
  it("filters by date range (Shanghai days), channel, purpose, follow-up and text, sorts and pages", async () => {
    await call(desk.caller, { occurredAt: "2026-03-01 23:59", purpose: "certificate", callerName: "王五" });
    await call(desk.caller, { occurredAt: "2026-03-03 00:00", purpose: "other", callerName: "赵六" });
    const march2 = await desk.caller.contacts.list({ from: "2026-03-02", to: "2026-03-02" });
    expect(march2.rows.map((r) => r.callerName)).toEqual(["欧阳娜娜"]);
    const early = await desk.caller.contacts.list({ from: "2026-03-01", to: "2026-03-03", sort: "occurredAt", dir: "asc" });
    expect(early.rows.map((r) => r.callerName)).toEqual(["王五", "欧阳娜娜", "赵六"]);
    expect((await desk.caller.contacts.list({ channel: "visit" })).rows.map((r) => r.callerName)).toEqual(["欧阳娜娜"]);
    expect((await desk.caller.contacts.list({ purpose: "certificate" })).total).toBe(1);
    expect((await desk.caller.contacts.list({ followUp: "open" })).rows.map((r) => r.callerName)).toEqual(["欧阳娜娜"]);
    expect((await desk.caller.contacts.list({ q: "0801" })).rows.map((r) => r.callerName)).toEqual(["欧阳娜娜"]);
    expect((await desk.caller.contacts.list({ q: `LD-${year}-00001` })).total).toBe(1);
    const page2 = await desk.caller.contacts.list({ pageSize: 2, page: 2, sort: "contactNo", dir: "asc" });
    expect(page2.rows.map((r) => r.contactNo)).toEqual([`LD-${year}-00003`, `LD-${year}-00004`]);
    expect((await refusalOf(desk.caller.contacts.list({ from: "2026-03-05", to: "2026-03-01" }))).fieldErrors).toMatchObject({ to: "截止日期不能早于起始日期" });
  });
});

describe("follow-up, correction and void", () => {
  it("records the follow-up once, audited", async () => {
    const [open] = (await desk.caller.contacts.list({ followUp: "open" })).rows;
    await desk2.caller.contacts.completeFollowUp({ contactId: open!.id, note: "已约工程部上门查看" });
    expect((await desk.caller.contacts.get({ contactId: open!.id })).followUp).toBe("done");
    expect((await refusalOf(desk.caller.contacts.completeFollowUp({ contactId: open!.id, note: "再次" }))).domainCode).toBe("CONTACT_FOLLOW_UP_DONE");
    expect(await t.db.auditLog.count({ where: { entityId: open!.id, action: "contact.followUp" } })).toBe(1);
  });

  it("a correction keeps before → after and the reason; only the recorder or a lead may correct", async () => {
    const c = await call(desk.caller, { callerName: "钱七", content: "咨询车位租赁" });
    const got = await desk.caller.contacts.get({ contactId: c.id });
    const input = { contactId: c.id, version: got.version, reason: "登记时听错姓名", channel: "phone" as const, purpose: "consult" as const, callerName: "钱琪", callerPhone: "13700001234", content: "咨询车位租赁", answer: got.answer, occurredAt: "" };
    expect((await refusalOf(desk2.caller.contacts.correct(input))).domainCode).toBe("CONTACT_NOT_RECORDER");
    await desk.caller.contacts.correct(input);
    const after = await desk.caller.contacts.get({ contactId: c.id });
    expect(after.callerName).toBe("钱琪");
    expect(after.occurredAt).toEqual(got.occurredAt);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: c.id, action: "contact.correct" } });
    expect(audit.before).toEqual({ callerName: "钱七" });
    expect(audit.after).toEqual({ callerName: "钱琪", reason: "登记时听错姓名" });
    // A stale version is a conflict, not an overwrite.
    expect((await refusalOf(supervisor.caller.contacts.correct({ ...input, callerName: "钱棋" }))).domainCode).toBe("CONTACT_CHANGED");
    expect((await refusalOf(desk.caller.contacts.correct({ ...input, version: after.version }))).domainCode).toBe("CONTACT_NOTHING_CHANGED");
  });

  it("a void keeps the entry with its reason, hides it from the list and refuses further changes", async () => {
    const c = await call(desk.caller, { callerName: "误登记" });
    expect((await refusalOf(desk2.caller.contacts.void({ contactId: c.id, reason: "重复登记" }))).domainCode).toBe("CONTACT_NOT_RECORDER");
    await supervisor.caller.contacts.void({ contactId: c.id, reason: "重复登记" });
    expect((await desk.caller.contacts.list({ q: "误登记" })).total).toBe(0);
    const voided = await desk.caller.contacts.list({ q: "误登记", includeVoided: true });
    expect(voided.rows[0]).toMatchObject({ voidReason: "重复登记" });
    expect((await refusalOf(desk.caller.contacts.void({ contactId: c.id, reason: "再作废" }))).domainCode).toBe("CONTACT_VOIDED");
    expect(await t.db.contactLog.count({ where: { id: c.id } })).toBe(1);
  });
});

describe("转投诉 / 转报修", () => {
  it("a complaint started from a contact is linked both ways and takes the caller's phone", async () => {
    const c = await call(desk.caller, { purpose: "complaint", callerName: "孙八", callerPhone: "13611112222", content: "楼上漏水到卧室" });
    const pre = await desk.caller.contacts.complaintPrefill({ contactId: c.id });
    expect(pre).toMatchObject({ contactNo: c.contactNo, complainantName: "孙八", channel: "phone", content: "楼上漏水到卧室", phone: "136****2222" });
    const complaint = await desk.caller.complaints.intake({ channel: pre.channel, categoryId, complainantName: pre.complainantName, content: pre.content, receivedAt: pre.receivedAt, contactId: c.id });
    expect((await desk.caller.contacts.get({ contactId: c.id })).complaintNo).toBe(complaint.complaintNo);
    expect(await desk.caller.contacts.ofComplaint({ complaintId: complaint.id })).toMatchObject({ contactNo: c.contactNo });
    expect((await t.db.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).contactPhone).toBe("13611112222");
    // A second conversion is refused and leaves no second complaint behind.
    const complaints = await t.db.complaint.count();
    const again = await refusalOf(desk.caller.complaints.intake({ channel: "phone", categoryId, complainantName: "孙八", content: "楼上漏水到卧室", contactId: c.id }));
    expect(again.domainCode).toBe("CONTACT_ALREADY_LINKED");
    expect(await t.db.complaint.count()).toBe(complaints);
    expect((await refusalOf(desk.caller.contacts.complaintPrefill({ contactId: c.id }))).domainCode).toBe("CONTACT_ALREADY_LINKED");
  });

  it("a work order started from a contact is linked both ways", async () => {
    const c = await call(desk.caller, { purpose: "repair", callerName: "周九", content: "门锁损坏" });
    const r = await desk.caller.complaints.repairs.create({ unitId, location: "入户门", description: "门锁损坏", isWarranty: true, isPaid: false, contactId: c.id });
    expect((await desk.caller.contacts.get({ contactId: c.id })).orderNo).toBe(r.orderNo);
    expect(await desk.caller.contacts.ofRepair({ repairId: r.id })).toMatchObject({ contactNo: c.contactNo });
    expect(await t.db.auditLog.count({ where: { entityId: c.id, action: "contact.toRepair" } })).toBe(1);
  });
});
