import { beforeAll, describe, expect, it } from "vitest";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 投诉设置 (issue 6): configurable categories (deactivated, never deleted) and the clocks counting
// calendar time by default or working time when the admin says so.
const t = useTestDatabase();
let admin: Caller, staff: Caller, supervisor: Caller;

const base = { clockMode: "calendar", workdayStart: "09:00", workdayEnd: "18:00", replyDays: 2, progressHours: 4, callbackDays: 3, engineeringLimit: "5000" } as const;

beforeAll(async () => {
  admin = (await signedInAs(t.db, ["admin"])).caller;
  staff = (await signedInAs(t.db, ["staff"])).caller;
  supervisor = (await signedInAs(t.db, ["supervisor"])).caller;
});

describe("categories", () => {
  it("are added and deactivated by the admin; an inactive one takes no new complaints; codes are unique", async () => {
    expect((await refusalOf(supervisor.complaints.settings.createCategory({ code: "X", name: "某类" }))).code).toBe("FORBIDDEN");
    const cat = await admin.complaints.settings.createCategory({ code: "GCZL", name: "工程质量", sortOrder: 1 });
    expect((await refusalOf(admin.complaints.settings.createCategory({ code: "GCZL", name: "另一个" }))).domainCode).toBe("COMPLAINT_CATEGORY_TAKEN");
    expect((await staff.complaints.formOptions()).categories.map((c) => c.name)).toEqual(["工程质量"]);
    const c = await staff.complaints.intake({ channel: "phone", categoryId: cat.id, complainantName: "甲", content: "内容内容" });
    await admin.complaints.settings.updateCategory({ categoryId: cat.id, name: "工程质量", isActive: false, sortOrder: 1 });
    expect((await staff.complaints.formOptions()).categories).toEqual([]);
    const r = await refusalOf(staff.complaints.intake({ channel: "phone", categoryId: cat.id, complainantName: "乙", content: "内容内容" }));
    expect([r.domainCode, r.message]).toEqual(["COMPLAINT_CATEGORY_UNKNOWN", "类别不存在或已停用"]);
    // The old complaint keeps its category.
    expect((await staff.complaints.get({ complaintId: c.id })).category).toBe("工程质量");
    await admin.complaints.settings.updateCategory({ categoryId: cat.id, name: "工程质量", isActive: true, sortOrder: 1 });
    expect(await t.db.auditLog.count({ where: { action: { startsWith: "complaints.category." } } })).toBe(3);
  });
});

describe("the clocks' rules", () => {
  it("count working hours when set: received Friday 17:00 → reply by Tuesday 17:00, progress by Monday 12:00", async () => {
    const cat = await admin.complaints.settings.createCategory({ code: "WY", name: "物业服务" });
    await admin.complaints.settings.update({ ...base, clockMode: "working" });
    // Friday 2026-01-30 17:00 Shanghai.
    const c = await staff.complaints.intake({ channel: "letter", categoryId: cat.id, complainantName: "丙", content: "来函投诉", receivedAt: "2026-01-30 17:00" });
    const row = await t.db.complaint.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.promisedReplyAt.toISOString()).toBe("2026-02-03T09:00:00.000Z"); // Tue 17:00 +08:00
    expect(row.progressDueAt?.toISOString()).toBe("2026-02-02T04:00:00.000Z"); // Mon 12:00 +08:00
    const late = await refusalOf(staff.complaints.intake({ channel: "letter", categoryId: cat.id, complainantName: "丁", content: "来函投诉", receivedAt: "2026-01-30 17:00", promisedReplyAt: "2026-02-03 17:01" }));
    expect(late.message).toBe("承诺答复时间最迟为 2026-02-03 17:00");

    await admin.complaints.settings.update(base);
    const d = await staff.complaints.intake({ channel: "letter", categoryId: cat.id, complainantName: "戊", content: "来函投诉", receivedAt: "2026-01-30 17:00" });
    const row2 = await t.db.complaint.findUniqueOrThrow({ where: { id: d.id } });
    expect(row2.promisedReplyAt.toISOString()).toBe("2026-02-01T09:00:00.000Z"); // Sun 17:00: calendar time
    const audit = await t.db.auditLog.findMany({ where: { action: "complaints.settings" }, orderBy: { id: "asc" }, select: { after: true } });
    expect(audit.map((a) => (a.after as { rules: { mode: string } }).rules.mode)).toEqual(["working", "calendar"]);
  });
});
