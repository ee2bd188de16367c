import { beforeAll, describe, expect, it } from "vitest";
import { remindLateReports } from "../../server/domain/contacts/report-reminders.job";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 客户来电来访情况 (issue 9 §2, 000 §13): figures on known data cut in Shanghai, one live report per
// period even when two people generate it at once, sign-off, supersede, reminders.
const t = useTestDatabase();
type Who = { caller: Caller; id: string };
let desk: Who, desk2: Who, supervisor: Who, manager: Who, auditor: Who;
let categoryId: string;

async function who(roles: Parameters<typeof signedInAs>[1]): Promise<Who> {
  const s = await signedInAs(t.db, roles);
  return { caller: s.caller, id: s.user.id };
}

const record = (extra: Record<string, unknown>) => desk.caller.contacts.record({ channel: "phone", purpose: "consult", callerName: "业主", content: "来电咨询", ...extra });

beforeAll(async () => {
  [desk, desk2, supervisor, manager, auditor] = await Promise.all([who(["staff"]), who(["staff"]), who(["supervisor"]), who(["manager"]), who(["auditor"])]);
  categoryId = (await t.db.complaintCategory.create({ data: { code: "WYFW", name: "物业服务" }, select: { id: true } })).id;
  // March 2026: five entries in the month (one voided, one at 23:59 on the 31st), one just after it.
  await record({ occurredAt: "2026-03-01 00:00" });
  await record({ occurredAt: "2026-03-10 09:30", channel: "visit", purpose: "certificate", followUpNeeded: true });
  const toVoid = await record({ occurredAt: "2026-03-15 14:00", purpose: "other" });
  await desk.caller.contacts.void({ contactId: toVoid.id, reason: "重复登记" });
  const complaintCall = await record({ occurredAt: "2026-03-20 11:00", purpose: "complaint", followUpNeeded: true });
  await record({ occurredAt: "2026-03-31 23:59", channel: "visit", purpose: "repair" });
  await record({ occurredAt: "2026-04-01 00:00", purpose: "repair" });
  const followed = (await desk.caller.contacts.list({ from: "2026-03-10", to: "2026-03-10" })).rows[0]!;
  await desk.caller.contacts.completeFollowUp({ contactId: followed.id, note: "已回电告知" });
  await desk.caller.complaints.intake({ channel: "phone", categoryId, complainantName: "业主", content: "电梯故障", receivedAt: "2026-03-20 11:05", contactId: complaintCall.id });
  await desk.caller.complaints.intake({ channel: "visit", categoryId, complainantName: "业主乙", content: "噪音扰民", severity: "major", receivedAt: "2026-03-31 23:59" });
  await desk.caller.complaints.intake({ channel: "phone", categoryId, complainantName: "业主丙", content: "四月的投诉", receivedAt: "2026-04-01 00:01" });
});

describe("figures", () => {
  it("the monthly report of March counts March in Shanghai time (23:59 on the 31st included)", async () => {
    const { id, created } = await desk.caller.contacts.reports.generate({ kind: "monthly", periodKey: "2026-03" });
    expect(created).toBe(true);
    const r = await desk.caller.contacts.reports.get({ reportId: id });
    expect(r).toMatchObject({ kind: "monthly", periodKey: "2026-03", periodLabel: "2026-03", status: "draft", reportVersion: 1 });
    expect(r.figures.contacts).toEqual({
      total: 4,
      byChannel: { phone: 2, visit: 2 },
      byPurpose: { consult: 1, complaint: 1, repair: 1, certificate: 1, other: 0 },
      followUpNeeded: 2,
      followUpDone: 1,
      followUpOpen: 1,
      toComplaint: 1,
      toRepair: 0,
      voided: 1,
    });
    expect(r.figures.complaints).toMatchObject({ received: 2, major: 1, resolved: 0, closed: 0 });
    expect(r.lines.find((l) => l.item === "total")?.value).toBe(4);
  });

  it("the daily report of 31 March and the weekly report of 29 March – 4 April", async () => {
    const daily = await desk.caller.contacts.reports.get({ reportId: (await desk.caller.contacts.reports.generate({ kind: "daily", periodKey: "2026-03-31" })).id });
    expect(daily.figures.contacts.total).toBe(1);
    expect(daily.figures.complaints.received).toBe(1);
    const weekly = await desk.caller.contacts.reports.get({ reportId: (await desk.caller.contacts.reports.generate({ kind: "weekly", periodKey: "2026-03-29" })).id });
    expect(weekly.periodLabel).toBe("2026-03-29 ~ 2026-04-04");
    expect(weekly.figures.contacts.total).toBe(2);
    expect(weekly.figures.complaints.received).toBe(2);
  });

  it("refuses a malformed period, a week not starting on Sunday and a period not yet due", async () => {
    expect((await refusalOf(desk.caller.contacts.reports.generate({ kind: "weekly", periodKey: "2026-03-30" }))).domainCode).toBe("REPORT_PERIOD_INVALID");
    expect((await refusalOf(desk.caller.contacts.reports.generate({ kind: "monthly", periodKey: "2026-13" }))).domainCode).toBe("REPORT_PERIOD_INVALID");
    expect((await refusalOf(desk.caller.contacts.reports.generate({ kind: "monthly", periodKey: "2099-01" }))).domainCode).toBe("REPORT_PERIOD_NOT_DUE");
  });
});

describe("workflow", () => {
  it("two people generating the same period at once get one report", async () => {
    const results = await Promise.all([desk.caller, desk2.caller, supervisor.caller, desk.caller].map((c) => c.contacts.reports.generate({ kind: "daily", periodKey: "2026-03-10" })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.db.contactReport.count({ where: { kind: "daily", periodKey: "2026-03-10" } })).toBe(1);
  });

  it("a draft is recounted, signed with remarks; a signed one is never regenerated, the supervisor supersedes it", async () => {
    const { id } = await desk.caller.contacts.reports.generate({ kind: "daily", periodKey: "2026-03-01" });
    expect((await desk.caller.contacts.reports.get({ reportId: id })).figures.contacts.total).toBe(1);
    // A late entry (补录) is counted after a recount.
    await record({ occurredAt: "2026-03-01 16:20", purpose: "other" });
    const draft = await desk.caller.contacts.reports.get({ reportId: id });
    expect(draft.figures.contacts.total).toBe(1);
    await desk.caller.contacts.reports.regenerate({ reportId: id, version: draft.version });
    const recounted = await desk.caller.contacts.reports.get({ reportId: id });
    expect(recounted.figures.contacts.total).toBe(2);
    expect((await refusalOf(manager.caller.contacts.reports.sign({ reportId: id, remarks: "" }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(desk.caller.contacts.reports.sign({ reportId: id, version: draft.version, remarks: "" }))).domainCode).toBe("REPORT_CHANGED");
    await desk2.caller.contacts.reports.sign({ reportId: id, version: recounted.version, remarks: "周日值班，来电较少" });
    const signed = await auditor.caller.contacts.reports.get({ reportId: id });
    expect(signed).toMatchObject({ status: "signed", remarks: "周日值班，来电较少" });
    expect((await refusalOf(desk.caller.contacts.reports.regenerate({ reportId: id }))).domainCode).toBe("REPORT_SIGNED");
    expect((await refusalOf(desk.caller.contacts.reports.sign({ reportId: id }))).domainCode).toBe("REPORT_SIGNED");
    expect((await desk.caller.contacts.reports.generate({ kind: "daily", periodKey: "2026-03-01" })).id).toBe(id);
    expect((await refusalOf(desk.caller.contacts.reports.supersede({ reportId: id, reason: "漏登一条" }))).code).toBe("FORBIDDEN");

    const next = await supervisor.caller.contacts.reports.supersede({ reportId: id, reason: "漏登一条来访" });
    const v2 = await desk.caller.contacts.reports.get({ reportId: next.id });
    expect(v2).toMatchObject({ status: "draft", reportVersion: 2 });
    expect(v2.versions.map((v) => [v.reportVersion, v.status])).toEqual([[1, "superseded"], [2, "draft"]]);
    expect((await desk.caller.contacts.reports.get({ reportId: id })).supersedeReason).toBe("漏登一条来访");
    expect((await desk.caller.contacts.reports.generate({ kind: "daily", periodKey: "2026-03-01" })).id).toBe(next.id);
    const listed = await auditor.caller.contacts.reports.list({ kind: "daily" });
    expect(listed.rows.filter((r) => r.periodKey === "2026-03-01").map((r) => r.reportVersion)).toEqual([2]);
    expect(await t.db.auditLog.count({ where: { entity: "ContactReport", entityId: id } })).toBe(4);
  });

  it("the auditor reads and changes nothing; the admin has no part", async () => {
    expect((await refusalOf(auditor.caller.contacts.reports.generate({ kind: "daily", periodKey: "2026-03-02" }))).code).toBe("FORBIDDEN");
    const admin = await who(["admin"]);
    expect((await refusalOf(admin.caller.contacts.reports.list({}))).code).toBe("FORBIDDEN");
  });
});

describe("reminders", () => {
  it("remind the CS specialists once per late period, and not for a signed one", async () => {
    const monthly = (await desk.caller.contacts.reports.list({ kind: "monthly" })).rows.find((r) => r.periodKey === "2026-03")!;
    await desk.caller.contacts.reports.sign({ reportId: monthly.id });
    // At 00:00 on 1 April: the daily of 30 March (due 31 March 09:00), the week of 22–28 March
    // and the month of March are due; March is signed.
    const now = new Date("2026-04-01T00:00:00+08:00");
    const first = await remindLateReports(t.db, now);
    expect(first.late).toEqual(["daily:2026-03-30", "weekly:2026-03-22"]);
    expect(first.sent).toBe(2 * 3); // two staff and one supervisor each
    const again = await remindLateReports(t.db, new Date(now.getTime() + 10 * 60_000));
    expect(again.sent).toBe(0);
    const inbox = await t.db.notification.findMany({ where: { userId: desk.id, kind: "contactReportLate" } });
    expect(inbox).toHaveLength(2);
    expect(await t.db.notification.count({ where: { userId: manager.id, kind: "contactReportLate" } })).toBe(0);
  });
});
