import { beforeAll, describe, expect, it } from "vitest";
import { checkComplaintClocks } from "../../server/domain/complaints/clock-checks";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 整改维修联系单 (issue 6 item 5, 003): warranty → 工程部, else 物业; plan cost ≤ 5000 元 approved
// by the engineering manager, above also by the general manager; done → callback.
const t = useTestDatabase();
type Who = { caller: Caller; id: string };
let staff: Who, engineering: Who, general: Who, otherManager: Who, admin: Who;

async function who(roles: Parameters<typeof signedInAs>[1]): Promise<Who> {
  const s = await signedInAs(t.db, roles);
  return { caller: s.caller, id: s.user.id };
}

const newOrder = (extra: Record<string, unknown> = {}) =>
  staff.caller.complaints.repairs.create({ location: "华景园 1栋 0801 卫生间", description: "地漏返水，墙面起皮", isWarranty: true, isPaid: false, ...extra });

beforeAll(async () => {
  [staff, engineering, general, otherManager, admin] = await Promise.all([who(["staff"]), who(["manager"]), who(["manager"]), who(["manager"]), who(["admin"])]);
  await t.db.department.createMany({ data: [{ code: "GCB", name: "工程部" }, { code: "WYB", name: "物业管理部" }] });
});

describe("settings", () => {
  it("are the admin's; approvers must be two different managers; plans cannot be submitted before they are set", async () => {
    const o = await newOrder();
    const none = await refusalOf(staff.caller.complaints.repairs.submitPlan({ repairId: o.id, plan: "更换地漏", cost: "300" }));
    expect([none.domainCode, none.message]).toEqual(["REPAIR_NO_APPROVER", "尚未在投诉设置中指定工程部经理，无法提交审批"]);
    const base = { clockMode: "calendar", workdayStart: "09:00", workdayEnd: "18:00", replyDays: 2, progressHours: 4, callbackDays: 3, engineeringLimit: "5000" } as const;
    expect((await refusalOf(staff.caller.complaints.settings.update({ ...base, engineeringApproverId: engineering.id, generalApproverId: general.id }))).code).toBe("FORBIDDEN");
    const same = await refusalOf(admin.caller.complaints.settings.update({ ...base, engineeringApproverId: engineering.id, generalApproverId: engineering.id }));
    expect(same.domainCode).toBe("REPAIR_SAME_APPROVER");
    const bad = await refusalOf(admin.caller.complaints.settings.update({ ...base, engineeringLimit: "5000.001", workdayEnd: "08:00" }));
    expect(bad.fieldErrors).toMatchObject({ engineeringLimit: "请输入金额，最多两位小数", workdayEnd: "下班时间应晚于上班时间" });
    await admin.caller.complaints.settings.update({ ...base, engineeringApproverId: engineering.id, generalApproverId: general.id });
    expect((await admin.caller.complaints.settings.get()).values).toMatchObject({ engineeringLimit: "5000.00", engineeringApproverId: engineering.id });
  });
});

describe("a repair order", () => {
  it("goes to 工程部 within warranty and to 物业 outside it, numbered WX-year-seq", async () => {
    const a = await newOrder();
    const b = await newOrder({ isWarranty: false, isPaid: true });
    expect(a.orderNo).toMatch(/^WX-\d{4}-\d{4}$/);
    expect(Number(b.orderNo.slice(-4))).toBe(Number(a.orderNo.slice(-4)) + 1);
    expect((await staff.caller.complaints.repairs.get({ repairId: a.id })).departmentName).toBe("工程部");
    expect((await staff.caller.complaints.repairs.get({ repairId: b.id })).departmentName).toBe("物业管理部");
  });

  it("of 6800 元 needs the engineering manager's review and then the general manager's approval; done → callback", async () => {
    const o = await newOrder();
    await staff.caller.complaints.repairs.submitPlan({ repairId: o.id, plan: "拆除重做防水层并闭水试验", cost: "6800" });
    let got = await staff.caller.complaints.repairs.get({ repairId: o.id });
    expect([got.status, got.cost, got.needsGeneral, got.awaiting]).toEqual(["pending_approval", "6800.00", true, "engineering"]);
    expect(await t.db.notification.count({ where: { userId: engineering.id, kind: "repairAwaitingApproval" } })).toBeGreaterThanOrEqual(1);

    // The general manager cannot go first; another manager is not an approver; the admin never.
    expect((await refusalOf(general.caller.complaints.repairs.approve({ repairId: o.id, level: "general" }))).domainCode).toBe("REPAIR_AWAITS_ENGINEERING");
    expect((await refusalOf(otherManager.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" }))).domainCode).toBe("REPAIR_NOT_APPROVER");
    expect((await refusalOf(admin.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(staff.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" }))).code).toBe("FORBIDDEN");

    expect((await engineering.caller.complaints.repairs.list({ awaitingMe: true })).rows.map((r) => r.id)).toContain(o.id);
    await engineering.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering", note: "同意，报总经理审批" });
    got = await staff.caller.complaints.repairs.get({ repairId: o.id });
    expect([got.status, got.awaiting]).toEqual(["pending_approval", "general"]);
    expect((await refusalOf(staff.caller.complaints.repairs.complete({ repairId: o.id, note: "先修了" }))).domainCode).toBe("REPAIR_WRONG_STATUS");
    expect((await general.caller.complaints.repairs.list({ awaitingMe: true })).rows.map((r) => r.id)).toContain(o.id);
    await general.caller.complaints.repairs.approve({ repairId: o.id, level: "general" });
    got = await staff.caller.complaints.repairs.get({ repairId: o.id });
    expect([got.status, got.engApprovedBy !== null, got.genApprovedBy !== null, got.awaiting]).toEqual(["approved", true, true, null]);

    await staff.caller.complaints.repairs.complete({ repairId: o.id, note: "防水层重做完毕" });
    got = await staff.caller.complaints.repairs.get({ repairId: o.id });
    expect([got.status, got.callbackClock?.state]).toEqual(["done", "running"]);
    await staff.caller.complaints.repairs.callback({ repairId: o.id, satisfaction: "satisfied", note: "业主满意" });
    got = await staff.caller.complaints.repairs.get({ repairId: o.id });
    expect([got.status, got.callbackClock?.state]).toEqual(["called_back", "met"]);
    expect(got.events.map((e) => e.kind)).toEqual(["create", "submitPlan", "approve", "approve", "complete", "callback"]);
    const audit = await t.db.auditLog.findMany({ where: { entity: "RepairOrder", entityId: o.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["repair.create", "repair.submitPlan", "repair.approve", "repair.approve", "repair.complete", "repair.callback"]);
  });

  it("of exactly 5000.00 元 is approved by the engineering manager alone; 5000.01 元 is not", async () => {
    const o = await newOrder();
    await staff.caller.complaints.repairs.submitPlan({ repairId: o.id, plan: "局部修补", cost: "5000.00" });
    await engineering.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" });
    expect((await t.db.repairOrder.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("approved");
    const p = await newOrder();
    await staff.caller.complaints.repairs.submitPlan({ repairId: p.id, plan: "局部修补", cost: "5000.01" });
    await engineering.caller.complaints.repairs.approve({ repairId: p.id, level: "engineering" });
    const row = await t.db.repairOrder.findUniqueOrThrow({ where: { id: p.id } });
    expect([row.status, row.cost?.toString()]).toEqual(["pending_approval", "5000.01"]);
  });

  it("rejected goes back for a new plan; a dissatisfied callback sends it back to repair", async () => {
    const o = await newOrder({ isWarranty: false });
    await staff.caller.complaints.repairs.submitPlan({ repairId: o.id, plan: "整体更换", cost: "1200.50" });
    const r = await refusalOf(engineering.caller.complaints.repairs.reject({ repairId: o.id, level: "engineering", note: "" }));
    expect(r.fieldErrors).toMatchObject({ note: "请填写 2–1000 字的说明" });
    await engineering.caller.complaints.repairs.reject({ repairId: o.id, level: "engineering", note: "方案过度，局部维修即可" });
    expect(await t.db.notification.count({ where: { userId: staff.id, kind: "repairRejected" } })).toBe(1);
    await staff.caller.complaints.repairs.submitPlan({ repairId: o.id, plan: "局部维修", cost: "380" });
    await engineering.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" });
    await staff.caller.complaints.repairs.complete({ repairId: o.id, note: "已修" });
    await staff.caller.complaints.repairs.callback({ repairId: o.id, satisfaction: "dissatisfied", note: "仍漏水" });
    const row = await t.db.repairOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect([row.status, row.reopenCount, row.cost?.toString()]).toEqual(["approved", 1, "380"]);
  });

  it("done and not called back within 3 days: its registrar is told once", async () => {
    const o = await newOrder();
    await staff.caller.complaints.repairs.submitPlan({ repairId: o.id, plan: "更换", cost: "100" });
    await engineering.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" });
    await staff.caller.complaints.repairs.complete({ repairId: o.id, note: "已修好" });
    const row = await t.db.repairOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(row.callbackDueAt!.getTime() - row.doneAt!.getTime()).toBe(3 * 86_400_000);
    const later = new Date(row.callbackDueAt!.getTime() + 60_000);
    expect((await checkComplaintClocks(t.db, later)).repairCallback).toBe(1);
    expect((await checkComplaintClocks(t.db, later)).repairCallback).toBe(0);
    expect(await t.db.notification.count({ where: { userId: staff.id, kind: "repairCallbackLate", link: `/complaints/repairs/${o.id}` } })).toBe(1);
    expect((await staff.caller.complaints.repairs.get({ repairId: o.id })).callbackClock?.state).toBe("running");
  });

  it("comes from a complaint and shows on it", async () => {
    const cat = await t.db.complaintCategory.create({ data: { code: "WY", name: "物业服务" } });
    const c = await staff.caller.complaints.intake({ channel: "phone", categoryId: cat.id, complainantName: "李四", content: "电梯异响" });
    const o = await newOrder({ complaintId: c.id, location: "2栋电梯" });
    expect((await staff.caller.complaints.get({ complaintId: c.id })).repairs.map((r) => r.orderNo)).toEqual([o.orderNo]);
  });
});

describe("concurrency", () => {
  it("two approvals of the same level at once: one is written, the other refused", async () => {
    const o = await newOrder();
    await staff.caller.complaints.repairs.submitPlan({ repairId: o.id, plan: "更换管道", cost: "6800" });
    const results = await Promise.allSettled([
      engineering.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" }),
      engineering.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = await refusalOf(Promise.reject((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason));
    expect(lost.code).toBe("CONFLICT");
    expect(await t.db.serviceEvent.count({ where: { repairId: o.id, kind: "approve" } })).toBe(1);
  });

  it("approve and reject at once: exactly one decision", async () => {
    const o = await newOrder();
    await staff.caller.complaints.repairs.submitPlan({ repairId: o.id, plan: "更换管道", cost: "300" });
    const results = await Promise.allSettled([
      engineering.caller.complaints.repairs.approve({ repairId: o.id, level: "engineering" }),
      engineering.caller.complaints.repairs.reject({ repairId: o.id, level: "engineering", note: "不同意" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.serviceEvent.count({ where: { repairId: o.id, kind: { in: ["approve", "reject"] } } })).toBe(1);
  });
});
