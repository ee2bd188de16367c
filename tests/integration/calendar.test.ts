import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { loadExceptions } from "../../server/domain/calendar/calendar.service";
import { applyComplaintLadder, applyLoanLadder, loanAnchor } from "../../server/domain/calendar/escalation.service";
import { isWorkingDay } from "../../server/domain/calendar/working-days";
import { replyDeadline } from "../../server/domain/complaints/clocks";
import { warnDueSoon } from "../../server/domain/complaints/clock-checks";
import { readSettings } from "../../server/domain/complaints/settings.service";
import { shanghaiDay } from "../../server/domain/time";
import { dateOfDay } from "../../server/domain/archive/retention";
import { seedCalendar } from "../../prisma/seed/calendar";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 工作日历 and 逾期升级 (issue 10 §4 §5): the admin's calendar (audited, roles), the clocks and
// due days that count on it, the warnings sent once, and the ladders' steps taken once each.
const t = useTestDatabase();
type Who = { caller: Caller; id: string };
let admin: Who, auditor: Who, staff: Who, manager: Who, supervisor: Who, otherSupervisor: Who, archivist: Who;
let classId: string;
let categoryId: string;
let n = 0;

async function who(roles: Parameters<typeof signedInAs>[1]): Promise<Who> {
  const s = await signedInAs(t.db, roles);
  return { caller: s.caller, id: s.user.id };
}
const today = () => shanghaiDay(new Date());
const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);

async function lentLoan(dueOn = addCalendarDays(today(), 7)) {
  const r = await inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivist.id, name: "test" }, { classId, title: `日历测试档案${++n}`, formedOn: "2024-05-01", retentionYears: 30, confidentiality: "internal", cabinet: "A", shelf: "1", box: String(n) }));
  const req = await staff.caller.borrowing.requests.create({ recordIds: [r.id], borrowType: "takeaway", purpose: "核对合同", dueOn });
  await manager.caller.borrowing.requests.approve({ requestId: req.id });
  await archivist.caller.borrowing.loans.lend({ requestId: req.id });
  return req;
}

beforeAll(async () => {
  [admin, auditor, staff, manager, supervisor, otherSupervisor, archivist] = await Promise.all([who(["admin"]), who(["auditor"]), who(["staff"]), who(["manager"]), who(["supervisor"]), who(["supervisor"]), who(["archivist"])]);
  // The borrower's department has its own supervisor; the other supervisor works elsewhere.
  const dept = await t.db.department.create({ data: { code: "KF", name: "客服部" }, select: { id: true } });
  const other = await t.db.department.create({ data: { code: "GC", name: "工程部" }, select: { id: true } });
  await t.db.user.updateMany({ where: { id: { in: [staff.id, supervisor.id] } }, data: { departmentId: dept.id } });
  await t.db.user.update({ where: { id: otherSupervisor.id }, data: { departmentId: other.id } });
  classId = (await t.db.archiveClass.create({ data: { code: "RL", name: "日历测试类", retentionYears: 30 }, select: { id: true } })).id;
  categoryId = (await t.db.complaintCategory.create({ data: { code: "RL", name: "日历测试" }, select: { id: true } })).id;
});

describe("the admin's calendar", () => {
  it("adds, changes and removes exceptions, audited; the clocks see each edit at once", async () => {
    await admin.caller.calendar.setDay({ day: "2030-10-01", kind: "holiday", name: "国庆节" });
    expect(isWorkingDay("2030-10-01", await loadExceptions(t.db))).toBe(false); // a Tuesday
    await admin.caller.calendar.setDay({ day: "2030-10-01", kind: "holiday", name: "国庆" });
    await admin.caller.calendar.setDay({ day: "2030-10-12", kind: "workday", name: "国庆节调休" }); // a Saturday
    expect(isWorkingDay("2030-10-12", await loadExceptions(t.db))).toBe(true);
    const year = await auditor.caller.calendar.year({ year: 2030 });
    expect(year.days).toEqual([
      { day: "2030-10-01", kind: "holiday", name: "国庆" },
      { day: "2030-10-12", kind: "workday", name: "国庆节调休" },
    ]);
    expect([year.holidays, year.workdays]).toEqual([1, 1]);
    const audits = await t.db.auditLog.findMany({ where: { entity: "CalendarDay", entityId: "2030-10-01" }, orderBy: { at: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
    expect(audits.map((a) => a.action)).toEqual(["calendar.setDay", "calendar.setDay"]);
    expect(audits[1]).toMatchObject({ actorId: admin.id, before: { name: "国庆节" }, after: { name: "国庆" } });

    await admin.caller.calendar.removeDay({ day: "2030-10-12" });
    expect(isWorkingDay("2030-10-12", await loadExceptions(t.db))).toBe(false);
    expect(await t.db.auditLog.count({ where: { action: "calendar.removeDay", entityId: "2030-10-12" } })).toBe(1);
    expect((await refusalOf(admin.caller.calendar.removeDay({ day: "2030-10-12" }))).domainCode).toBe("CALENDAR_DAY_UNKNOWN");
  });

  it("refuses everyone but the admin, and a 调休 on a weekday", async () => {
    for (const w of [staff, manager, supervisor, auditor]) {
      expect((await refusalOf(w.caller.calendar.setDay({ day: "2030-05-01", kind: "holiday", name: "劳动节" }))).code).toBe("FORBIDDEN");
    }
    expect((await refusalOf(staff.caller.calendar.year({ year: 2030 }))).code).toBe("FORBIDDEN");
    const pointless = await refusalOf(admin.caller.calendar.setDay({ day: "2030-05-08", kind: "workday", name: "调休" }));
    expect([pointless.code, pointless.domainCode]).toEqual(["BAD_REQUEST", "CALENDAR_KIND_POINTLESS"]);
    expect(pointless.message).toContain("2030-05-08");
    expect(await t.db.calendarDay.count({ where: { day: { gte: dateOfDay("2030-05-01"), lte: dateOfDay("2030-05-31") } } })).toBe(0);
  });

  it("imports a list all or nothing, naming the wrong line; replaceYear swaps a provisional year", async () => {
    const before = await t.db.calendarDay.count();
    const bad = await refusalOf(admin.caller.calendar.importDays({ text: "2031-01-01 放假 元旦\n2031-02-30 放假 春节" }));
    expect(bad.domainCode).toBe("CALENDAR_IMPORT_LINE");
    expect(bad.message).toContain("第 2 行");
    expect(await t.db.calendarDay.count()).toBe(before);

    await admin.caller.calendar.importDays({ text: "2031-10-01~2031-10-03 放假 国庆节" });
    const res = await admin.caller.calendar.importDays({ text: "2031-10-01~2031-10-07 放假 国庆节\n2031-09-28 上班 国庆节调休\n2031-10-11 上班 国庆节调休", replaceYear: true });
    expect(res).toEqual({ years: [2031], set: 9, removed: 0 });
    const again = await admin.caller.calendar.importDays({ text: "2031-10-01~2031-10-05 放假 国庆节", replaceYear: true });
    expect(again.removed).toBe(4); // 6th, 7th and the two 调休 days
    expect((await admin.caller.calendar.year({ year: 2031 })).days.map((d) => d.day)).toEqual(["2031-10-01", "2031-10-02", "2031-10-03", "2031-10-04", "2031-10-05"]);
    expect(await t.db.auditLog.count({ where: { action: "calendar.import" } })).toBe(3);
  });

  it("the complaint clocks count on it in working mode", async () => {
    await admin.caller.complaints.settings.update({ clockMode: "working", workdayStart: "09:00", workdayEnd: "18:00", replyDays: 2, progressHours: 4, callbackDays: 3, engineeringLimit: "5000.00", replyWarnMinutes: 240, progressWarnMinutes: 30, callbackWarnMinutes: 720 });
    const { rules, leads } = await readSettings(t.db);
    expect(leads).toEqual({ reply: 240, progress: 30, callback: 720 });
    // Monday 30 Sep 2030 14:00; 1–7 Oct off (the 1st from the calendar above, the rest entered here).
    await admin.caller.calendar.importDays({ text: "2030-10-02~2030-10-07 放假 国庆节" });
    expect(replyDeadline(sh("2030-09-30 14:00"), (await readSettings(t.db)).rules)).toEqual(sh("2030-10-09 14:00"));
    expect(rules.mode).toBe("working");
    await admin.caller.complaints.settings.update({ clockMode: "calendar", workdayStart: "09:00", workdayEnd: "18:00", replyDays: 2, progressHours: 4, callbackDays: 3, engineeringLimit: "5000.00" });
    expect((await readSettings(t.db)).leads).toEqual({ reply: 720, progress: 30, callback: 720 });
  });
});

describe("the seed", () => {
  it("enters the 2026 arrangement and 2027's statutory days once; 国庆节 shows on the year", async () => {
    const first = await inTransaction(t.db, (tx) => seedCalendar(tx));
    expect(first.created).toBe(33 + 6 + 13);
    expect((await inTransaction(t.db, (tx) => seedCalendar(tx))).created).toBe(0);
    const y = await admin.caller.calendar.year({ year: 2026 });
    expect(y.days.find((d) => d.day === "2026-10-01")).toEqual({ day: "2026-10-01", kind: "holiday", name: "国庆节" });
    expect([y.holidays, y.workdays]).toEqual([33, 6]);
    expect(y.years).toEqual(expect.arrayContaining([2026, 2027]));
    const ex = await loadExceptions(t.db);
    expect(isWorkingDay("2026-10-10", ex)).toBe(true);
    expect(isWorkingDay("2026-10-08", ex)).toBe(true);
    expect(isWorkingDay("2026-10-07", ex)).toBe(false);
  });
});

describe("due days on holidays", () => {
  it("a requested due day on a 放假 day moves to the next working day, and the slip says from which", async () => {
    // A holiday 10 days ahead (whatever weekday), then the next working day after it.
    const holiday = addCalendarDays(today(), 10);
    await admin.caller.calendar.setDay({ day: holiday, kind: "holiday", name: "测试假日" });
    const ex = await loadExceptions(t.db);
    let expected = addCalendarDays(holiday, 1);
    while (!isWorkingDay(expected, ex)) expected = addCalendarDays(expected, 1);
    const req = await lentLoan(holiday);
    const slip = await t.db.borrowRequest.findUniqueOrThrow({ where: { id: req.id }, select: { dueOn: true, dueMovedFrom: true } });
    expect(slip.dueOn.toISOString().slice(0, 10)).toBe(expected);
    expect(slip.dueMovedFrom?.toISOString().slice(0, 10)).toBe(holiday);
    await admin.caller.calendar.removeDay({ day: holiday });
  });
});

describe("the loan ladder", () => {
  it("reminds on the due day, again after 3 days, then the borrower's own supervisor — each step once", async () => {
    const req = await lentLoan();
    const dueOn = addCalendarDays(today(), -10);
    await t.db.borrowRequest.update({ where: { id: req.id }, data: { dueOn: dateOfDay(dueOn) } });
    const anchor = loanAnchor(dueOn);
    const at = (h: number) => new Date(anchor.getTime() + h * 3_600_000);
    const stepsOf = () => t.db.escalationStep.findMany({ where: { entityId: req.id }, orderBy: { level: "asc" }, select: { level: true, toUserIds: true } });
    const kinds = async () => (await t.db.notification.findMany({ where: { link: `/borrowing/${req.id}`, kind: { startsWith: "loanLadder" } }, select: { kind: true, userId: true } })).map((x) => `${x.kind}:${x.userId}`).sort();

    expect((await applyLoanLadder(t.db, at(-1))).steps).toBe(0);
    await applyLoanLadder(t.db, at(0));
    expect(await stepsOf()).toEqual([{ level: 1, toUserIds: [staff.id] }]);
    await applyLoanLadder(t.db, at(1));
    await applyLoanLadder(t.db, at(72));
    await applyLoanLadder(t.db, at(100));
    expect((await stepsOf()).map((s) => s.level)).toEqual([1, 2]);
    await applyLoanLadder(t.db, at(168));
    await applyLoanLadder(t.db, at(200));
    const steps = await stepsOf();
    expect(steps.map((s) => s.level)).toEqual([1, 2, 3]);
    expect(steps[2]!.toUserIds).toEqual([supervisor.id]); // the department's supervisor, not the other one
    expect(await kinds()).toEqual([`loanLadderDesk:${archivist.id}`, `loanLadderSubject:${staff.id}`, `loanLadderSubject:${staff.id}`, `loanLadderSupervisor:${supervisor.id}`].sort());
    expect(await t.db.auditLog.count({ where: { action: "escalation.step", entityId: req.id } })).toBe(3);

    // The slip page shows the history.
    const slip = await staff.caller.borrowing.loans.get({ requestId: req.id });
    expect(slip.escalation.map((s) => s.level)).toEqual([1, 2, 3]);
  });

  it("three job runs at once take each step once (five rounds)", async () => {
    for (let round = 0; round < 5; round++) {
      const req = await lentLoan();
      const dueOn = addCalendarDays(today(), -10);
      await t.db.borrowRequest.update({ where: { id: req.id }, data: { dueOn: dateOfDay(dueOn) } });
      const now = new Date();
      const runs = await Promise.all([applyLoanLadder(t.db, now), applyLoanLadder(t.db, now), applyLoanLadder(t.db, now)]);
      expect(await t.db.escalationStep.count({ where: { entityId: req.id } })).toBe(3);
      // Other overdue loans of earlier tests are fully escalated already: only this loan's 3 steps are new.
      expect(runs.reduce((s, r) => s + r.steps, 0)).toBe(3);
      expect(await t.db.auditLog.count({ where: { action: "escalation.step", entityId: req.id } })).toBe(3);
      expect(await t.db.notification.count({ where: { link: `/borrowing/${req.id}`, kind: "loanLadderSubject" } })).toBe(2);
      expect(await t.db.notification.count({ where: { link: `/borrowing/${req.id}`, kind: "loanLadderSupervisor" } })).toBe(1);
    }
  });

  it("the admin configures the ladder (audited); bad ladders are refused", async () => {
    const bad = await refusalOf(admin.caller.calendar.updateLadder({ key: "loanOverdue", levels: [{ level: 1, afterHours: 48, to: ["subject"] }, { level: 2, afterHours: 24, to: ["supervisor"] }] }));
    expect(bad.domainCode).toBe("LADDER_DELAY");
    expect((await refusalOf(manager.caller.calendar.updateLadder({ key: "loanOverdue", levels: [{ level: 1, afterHours: 0, to: ["subject"] }] }))).code).toBe("FORBIDDEN");
    await admin.caller.calendar.updateLadder({ key: "loanOverdue", levels: [{ level: 1, afterHours: 24, to: ["subject", "manager"] }] });
    expect((await auditor.caller.calendar.ladders()).loanOverdue.levels).toEqual([{ level: 1, afterHours: 24, to: ["subject", "manager"] }]);
    expect(await t.db.auditLog.count({ where: { action: "escalation.ladder.update", entityId: "loanOverdue" } })).toBe(1);
    const req = await lentLoan();
    const dueOn = addCalendarDays(today(), -3);
    await t.db.borrowRequest.update({ where: { id: req.id }, data: { dueOn: dateOfDay(dueOn) } });
    await applyLoanLadder(t.db, new Date());
    expect((await t.db.escalationStep.findFirstOrThrow({ where: { entityId: req.id } })).toUserIds.sort()).toEqual([staff.id, manager.id].sort());
  });
});

describe("major complaints climb the same ladder", () => {
  it("level 1 to the managers at intake, then the handler and supervisors, then the managers again", async () => {
    const c = await staff.caller.complaints.intake({ channel: "phone", categoryId, complainantName: "李四", contactPhone: "13812345678", content: "交房延期", severity: "major" });
    const row = await t.db.complaint.findUniqueOrThrow({ where: { id: c.id }, select: { escalatedAt: true } });
    const at = (h: number) => new Date(row.escalatedAt!.getTime() + h * 3_600_000);
    const levels = async () => (await t.db.escalationStep.findMany({ where: { entityId: c.id }, orderBy: { level: "asc" } })).map((s) => s.level);
    expect(await levels()).toEqual([1]);
    expect(await t.db.notification.count({ where: { kind: "complaintMajor", link: `/complaints/${c.id}`, userId: manager.id } })).toBe(1);
    await applyComplaintLadder(t.db, at(1));
    expect(await levels()).toEqual([1]);
    await applyComplaintLadder(t.db, at(24));
    await applyComplaintLadder(t.db, at(25));
    expect(await levels()).toEqual([1, 2]);
    expect(await t.db.notification.count({ where: { kind: "complaintLadderSupervisor", link: `/complaints/${c.id}`, userId: supervisor.id } })).toBe(1);
    await applyComplaintLadder(t.db, at(72));
    expect(await levels()).toEqual([1, 2, 3]);
    expect(await t.db.notification.count({ where: { kind: "complaintMajor", link: `/complaints/${c.id}` } })).toBe(1);
    expect(await t.db.notification.count({ where: { kind: "complaintLadderManager", link: `/complaints/${c.id}` } })).toBe(1);
    expect((await manager.caller.complaints.get({ complaintId: c.id })).escalation.map((s) => s.level)).toEqual([1, 2, 3]);
  });
  it("升级 of a normal complaint starts the ladder too; the escalating manager is not told of their own act", async () => {
    const other = await who(["manager"]);
    const c = await staff.caller.complaints.intake({ channel: "phone", categoryId, complainantName: "赵六", contactPhone: "13812345678", content: "电梯故障" });
    const { version } = await t.db.complaint.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } });
    await manager.caller.complaints.escalate({ complaintId: c.id, version, note: "业主联名投诉" });
    const step = await t.db.escalationStep.findFirstOrThrow({ where: { entityId: c.id } });
    expect(step.level).toBe(1);
    expect(step.toUserIds).toContain(other.id);
    expect(step.toUserIds).not.toContain(manager.id);
    expect(await t.db.notification.count({ where: { kind: "complaintMajor", link: `/complaints/${c.id}`, userId: manager.id } })).toBe(0);
  });
});

describe("clock warnings", () => {
  it("the handler is told once when a clock enters its lead, and the page shows 即将到期", async () => {
    const c = await staff.caller.complaints.intake({ channel: "phone", categoryId, complainantName: "王五", contactPhone: "13812345678", content: "门禁卡失灵" });
    const soon = new Date(Date.now() + 20 * 60_000);
    await t.db.complaint.update({ where: { id: c.id }, data: { progressDueAt: soon, lastProgressAt: new Date(Date.now() - 220 * 60_000) } });
    expect(await warnDueSoon(t.db, new Date())).toBeGreaterThanOrEqual(1);
    await warnDueSoon(t.db, new Date());
    const notes = await t.db.notification.findMany({ where: { kind: "complaintClockDueSoon", link: `/complaints/${c.id}` }, select: { userId: true, params: true } });
    expect(notes).toEqual([{ userId: staff.id, params: expect.objectContaining({ clock: "progress" }) }]);
    expect((await staff.caller.complaints.get({ complaintId: c.id })).clocks.progress.state).toBe("dueSoon");
    // Outside the 30-minute lead: running, no notice.
    await t.db.complaint.update({ where: { id: c.id }, data: { progressDueAt: new Date(Date.now() + 90 * 60_000) } });
    expect((await staff.caller.complaints.get({ complaintId: c.id })).clocks.progress.state).toBe("running");
  });
});
