import { beforeAll, describe, expect, it } from "vitest";
import { refusalOf, useTestDatabase, pgErrorText } from "./helpers";
import { department, person, scoredAppraisal, finalisedAppraisal, type Person } from "./appraisal-helpers";
import { DomainError } from "../../server/domain/errors";

// Issue 7 §2 and §4: scoring by deduction, 草稿 → 已评分 → 已确认 → 已定稿, visibility per role in the
// query, corrections as new linked entries, and a finalised appraisal that nothing can change.
const t = useTestDatabase();
let manager: Person;
let manager2: Person;
let supervisorA: Person;
let staffA: Person;
let staffA2: Person;
let staffB: Person;
let admin: Person;

beforeAll(async () => {
  const a = await department(t.db, "TA");
  const b = await department(t.db, "TB");
  manager = await person(t.db, ["manager"], a, "经理甲");
  manager2 = await person(t.db, ["manager"], a, "经理乙");
  supervisorA = await person(t.db, ["supervisor"], a, "主管甲");
  staffA = await person(t.db, ["staff"], a, "员工甲");
  staffA2 = await person(t.db, ["staff"], a, "员工乙");
  staffB = await person(t.db, ["staff"], b, "员工丙");
  admin = await person(t.db, ["admin"], null, "管理员");
});

describe("scoring a monthly appraisal", () => {
  it("a draft starts at full marks on the current template; deductions with reasons, commendation above 100", async () => {
    const { id } = await manager.caller.appraisal.appraisals.create({ employeeId: staffA.id, kind: "monthly", period: "2026-03" });
    const d = await manager.caller.appraisal.appraisals.get({ appraisalId: id });
    expect(d.status).toBe("draft");
    expect(d.total).toBe("100.00");
    expect(d.template).toMatchObject({ audience: "operational", version: 1 });
    expect(d.period).toBe("2026-03");
    const item = (name: string) => d.template.items.find((i) => i.name === name)!.id!;
    const saved = await manager.caller.appraisal.appraisals.saveScores({
      appraisalId: id,
      deductions: [
        { itemId: item("服务态度"), deduction: "1.5", reason: "接待时语气生硬" },
        { itemId: item("工作效率"), deduction: "2", reason: "两单投诉超时回复" },
      ],
      adjustments: [{ kind: "commendation", points: "8", reason: "拾金不昧，公司嘉奖" }],
      summary: "本月表现良好",
    });
    expect(saved.total).toBe("104.50");
    const again = await manager.caller.appraisal.appraisals.get({ appraisalId: id });
    expect(again).toMatchObject({ total: "104.50", base: "96.50", commendation: "8.00", scores: { de: "18.50", qin: "20.00", neng: "30.00", ji: "28.00" } });
    expect(again.deductions).toHaveLength(2);
  });

  it("refuses a deduction without a reason or above the maximum, in the user's language, and changes nothing", async () => {
    const { id } = await manager.caller.appraisal.appraisals.create({ employeeId: staffA2.id, kind: "monthly", period: "2026-03" });
    const d = await manager.caller.appraisal.appraisals.get({ appraisalId: id });
    const itemId = d.template.items.find((i) => i.name === "思想道德")!.id!;
    const r = await refusalOf(manager.caller.appraisal.appraisals.saveScores({ appraisalId: id, deductions: [{ itemId, deduction: "2", reason: "" }], adjustments: [] }));
    expect(r).toMatchObject({ code: "BAD_REQUEST", domainCode: "APPRAISAL_DEDUCTION_REASON" });
    expect(r.message).toContain("思想道德");
    const over = await refusalOf(manager.caller.appraisal.appraisals.saveScores({ appraisalId: id, deductions: [{ itemId, deduction: "6", reason: "x" }], adjustments: [] }), "en");
    expect(over.domainCode).toBe("APPRAISAL_BAD_DEDUCTION");
    expect(over.message).toMatch(/between 0 and 5/);
    const comm = await refusalOf(manager.caller.appraisal.appraisals.saveScores({ appraisalId: id, deductions: [], adjustments: [{ kind: "commendation", points: "11", reason: "太多" }] }));
    expect(comm.domainCode).toBe("APPRAISAL_COMMENDATION_RANGE");
    expect((await manager.caller.appraisal.appraisals.get({ appraisalId: id })).total).toBe("100.00");
  });

  it("one monthly appraisal per person and month; spot checks any number of times", async () => {
    const r = await refusalOf(manager.caller.appraisal.appraisals.create({ employeeId: staffA.id, kind: "monthly", period: "2026-03" }));
    expect(r).toMatchObject({ code: "CONFLICT", domainCode: "APPRAISAL_SLOT_TAKEN" });
    // Shown under 考核期间 with a link to the appraisal that holds the slot (issue 17 #3).
    const existing = await t.db.appraisal.findFirstOrThrow({ where: { slotKey: { startsWith: `${staffA.id}:monthly:2026-03` } }, select: { id: true } });
    expect(r.fieldErrors).toEqual({ period: r.message });
    expect(r.link).toEqual({ href: `/appraisal/${existing.id}`, label: "查看已有考核" });
    expect((r.error.cause as DomainError).params.existingId).toBe(existing.id);
    const badPeriod = await refusalOf(manager.caller.appraisal.appraisals.create({ employeeId: staffA.id, kind: "monthly", period: "2101-01" }));
    expect([badPeriod.domainCode, Object.keys(badPeriod.fieldErrors ?? {})]).toEqual(["APPRAISAL_BAD_PERIOD", ["period"]]);
    await supervisorA.caller.appraisal.appraisals.create({ employeeId: staffA.id, kind: "spot_check", period: "2026-03-10" });
    await supervisorA.caller.appraisal.appraisals.create({ employeeId: staffA.id, kind: "spot_check", period: "2026-03-10" });
  });
});

describe("who may score what", () => {
  it("staff cannot score (the procedure refuses before reading input)", async () => {
    const r = await refusalOf(staffA.caller.appraisal.appraisals.create({ employeeId: staffA2.id, kind: "weekly_check", period: "2026-03-02" }));
    expect(r).toMatchObject({ code: "FORBIDDEN", domainCode: "FORBIDDEN" });
  });

  it("a supervisor scores the checks of their own team only; monthly and year-end are the manager's", async () => {
    await supervisorA.caller.appraisal.appraisals.create({ employeeId: staffA.id, kind: "weekly_check", period: "2026-03-04" });
    expect((await refusalOf(supervisorA.caller.appraisal.appraisals.create({ employeeId: staffA.id, kind: "monthly", period: "2026-04" }))).domainCode).toBe("APPRAISAL_CHECKS_ONLY");
    expect((await refusalOf(supervisorA.caller.appraisal.appraisals.create({ employeeId: staffB.id, kind: "weekly_check", period: "2026-03-04" }))).code).toBe("NOT_FOUND");
  });

  it("nobody scores themselves; the admin scores nothing", async () => {
    expect((await refusalOf(supervisorA.caller.appraisal.appraisals.create({ employeeId: supervisorA.id, kind: "weekly_check", period: "2026-03-02" }))).domainCode).toBe("APPRAISAL_SELF");
    // The department manager is appraised by the company, outside this portal.
    expect((await refusalOf(manager2.caller.appraisal.appraisals.create({ employeeId: manager.id, kind: "monthly", period: "2026-03" }))).domainCode).toBe("APPRAISAL_NOT_APPRAISABLE");
    expect((await refusalOf(admin.caller.appraisal.appraisals.create({ employeeId: staffA.id, kind: "monthly", period: "2026-05" }))).code).toBe("FORBIDDEN");
  });

  it("a supervisor is appraised on the management template", async () => {
    const { id } = await manager.caller.appraisal.appraisals.create({ employeeId: supervisorA.id, kind: "monthly", period: "2026-03" });
    expect((await manager.caller.appraisal.appraisals.get({ appraisalId: id })).template.audience).toBe("management");
  });
});

describe("the workflow", () => {
  it("scored → the employee is notified, acknowledges → managers notified, manager finalises → immutable", async () => {
    const id = await scoredAppraisal(manager.caller, staffA2.id, "monthly", "2026-02", { deduct: { 工作出勤: "1" } });
    const note = await t.db.notification.findFirst({ where: { userId: staffA2.id, kind: "appraisalAwaitingAck" }, select: { link: true, params: true } });
    expect(note).toMatchObject({ link: `/appraisal/${id}`, params: { kind: "monthly", period: "2026-02", total: "99.00" } });

    // Not finalisable before the employee has seen it; nobody else answers for the employee.
    expect((await refusalOf(manager.caller.appraisal.appraisals.finalise({ appraisalId: id }))).domainCode).toBe("APPRAISAL_WRONG_STATUS");
    expect((await refusalOf(staffA.caller.appraisal.appraisals.acknowledge({ appraisalId: id }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(manager.caller.appraisal.appraisals.acknowledge({ appraisalId: id }))).domainCode).toBe("APPRAISAL_NOT_YOURS");

    const mine = await staffA2.caller.appraisal.appraisals.get({ appraisalId: id });
    expect(mine.can).toMatchObject({ respond: true, edit: false, finalise: false });
    await staffA2.caller.appraisal.appraisals.acknowledge({ appraisalId: id, comment: "无异议" });
    expect(await t.db.notification.count({ where: { userId: { in: [manager.id, manager2.id] }, kind: "appraisalAwaitingFinal" } })).toBe(2);

    await manager.caller.appraisal.appraisals.finalise({ appraisalId: id });
    const fin = await manager.caller.appraisal.appraisals.get({ appraisalId: id });
    expect(fin).toMatchObject({ status: "finalised", response: "acknowledged", finalisedBy: "经理甲" });
    expect(fin.can).toMatchObject({ edit: false, score: false, reopen: false, finalise: false, correct: true });

    const edit = await refusalOf(manager.caller.appraisal.appraisals.saveScores({ appraisalId: id, deductions: [], adjustments: [] }));
    expect(edit).toMatchObject({ code: "CONFLICT", domainCode: "APPRAISAL_FINALISED" });
    expect((await refusalOf(manager.caller.appraisal.appraisals.reopen({ appraisalId: id, reason: "想改" }))).domainCode).toBe("APPRAISAL_FINALISED");

    const actions = await t.db.auditLog.findMany({ where: { entity: "Appraisal", entityId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["appraisal.create", "appraisal.edit", "appraisal.score", "appraisal.acknowledge", "appraisal.finalise"]);
  });

  it("the database itself refuses changing or deleting a finalised appraisal or its scores", async () => {
    const id = await finalisedAppraisal(manager.caller, staffA2, manager2.caller, "monthly", "2026-01", { deduct: { 服务态度: "1" } });
    await expect(t.db.appraisal.update({ where: { id }, data: { total: "100" } })).rejects.toSatisfy((e) => /finalised appraisal cannot change/.test(pgErrorText(e)));
    await expect(t.db.appraisalScore.deleteMany({ where: { appraisalId: id } })).rejects.toSatisfy((e) => /finalised appraisal cannot change/.test(pgErrorText(e)));
    await expect(t.db.appraisal.delete({ where: { id } })).rejects.toSatisfy((e) => /DELETE refused|cannot change/.test(pgErrorText(e)));
    expect((await t.db.appraisal.findUniqueOrThrow({ where: { id }, select: { total: true } })).total.toFixed(2)).toBe("99.00");
  });

  it("a dispute needs a reason, reaches the scorer and managers, and the scorer can take it back to draft", async () => {
    const id = await scoredAppraisal(supervisorA.caller, staffA2.id, "weekly_check", "2026-03-11", { deduct: { 纪律作风: "3" } });
    expect((await refusalOf(staffA2.caller.appraisal.appraisals.dispute({ appraisalId: id, comment: "" }))).code).toBe("BAD_REQUEST");
    await staffA2.caller.appraisal.appraisals.dispute({ appraisalId: id, comment: "当天是经批准外出" });
    expect(await t.db.notification.count({ where: { userId: supervisorA.id, kind: "appraisalDisputed" } })).toBe(1);
    const d = await supervisorA.caller.appraisal.appraisals.get({ appraisalId: id });
    expect(d).toMatchObject({ status: "confirmed", response: "disputed", responseComment: "当天是经批准外出" });
    await supervisorA.caller.appraisal.appraisals.reopen({ appraisalId: id, reason: "核实后取消扣分" });
    const back = await supervisorA.caller.appraisal.appraisals.get({ appraisalId: id });
    // The dispute stays visible while the scorer revises; scoring again asks for a new answer.
    expect(back).toMatchObject({ status: "draft", response: "disputed" });
    await supervisorA.caller.appraisal.appraisals.score({ appraisalId: id });
    expect(await supervisorA.caller.appraisal.appraisals.get({ appraisalId: id })).toMatchObject({ status: "scored", response: null, responseComment: null });
  });

  it("a correction is a new linked draft; it replaces the original only once finalised; one per entry", async () => {
    const id = await finalisedAppraisal(manager.caller, staffA, manager2.caller, "monthly", "2026-05", { deduct: { 工作效果: "4" } });
    const c = await manager.caller.appraisal.appraisals.correct({ appraisalId: id, reason: "工作效果扣分有误" });
    const corr = await manager.caller.appraisal.appraisals.get({ appraisalId: c.id });
    expect(corr).toMatchObject({ status: "draft", correctsId: id, correctionReason: "工作效果扣分有误", total: "96.00" });
    expect(corr.deductions).toHaveLength(1);
    expect((await refusalOf(manager2.caller.appraisal.appraisals.correct({ appraisalId: id, reason: "再改一次" }))).domainCode).toBe("APPRAISAL_ALREADY_CORRECTED");
    const original = await manager.caller.appraisal.appraisals.get({ appraisalId: id });
    expect(original).toMatchObject({ status: "finalised", total: "96.00", correctedById: c.id, supersededBy: null });

    await manager.caller.appraisal.appraisals.saveScores({ appraisalId: c.id, deductions: [{ itemId: corr.deductions[0]!.itemId, deduction: "1", reason: "核实后改为 1 分" }], adjustments: [] });
    await manager.caller.appraisal.appraisals.score({ appraisalId: c.id });
    await staffA.caller.appraisal.appraisals.acknowledge({ appraisalId: c.id });
    await manager2.caller.appraisal.appraisals.finalise({ appraisalId: c.id });
    expect((await manager.caller.appraisal.appraisals.get({ appraisalId: id })).supersededBy).toBe(c.id);
    const audit = await t.db.auditLog.findFirst({ where: { action: "appraisal.correct", entityId: c.id }, select: { before: true } });
    expect(audit?.before).toMatchObject({ corrects: id, total: "96.00" });
  });
});

describe("visibility is in the query", () => {
  let ownId: string;
  let otherTeamId: string;
  beforeAll(async () => {
    ownId = await scoredAppraisal(manager.caller, staffA.id, "monthly", "2026-06");
    otherTeamId = await scoredAppraisal(manager.caller, staffB.id, "monthly", "2026-06");
  });

  it("staff see only their own results; another's by id is not found", async () => {
    const list = await staffA.caller.appraisal.appraisals.list({ pageSize: 100 });
    expect(list.rows.length).toBeGreaterThan(0);
    expect(new Set(list.rows.map((r) => r.employee.id))).toEqual(new Set([staffA.id]));
    expect((await refusalOf(staffA.caller.appraisal.appraisals.get({ appraisalId: otherTeamId }))).code).toBe("NOT_FOUND");
    expect((await staffA.caller.appraisal.appraisals.get({ appraisalId: ownId })).employee.id).toBe(staffA.id);
  });

  it("a supervisor sees the team (their department), not other departments", async () => {
    const list = await supervisorA.caller.appraisal.appraisals.list({ pageSize: 100 });
    const people = new Set(list.rows.map((r) => r.employee.id));
    expect(people.has(staffA.id) && people.has(staffA2.id)).toBe(true);
    expect(people.has(staffB.id)).toBe(false);
    expect((await refusalOf(supervisorA.caller.appraisal.appraisals.get({ appraisalId: otherTeamId }))).code).toBe("NOT_FOUND");
    const yearEnd = await supervisorA.caller.appraisal.reports.yearEndTable({ year: 2026 });
    expect(yearEnd.rows.map((r) => r.employee.id)).not.toContain(staffB.id);
  });

  it("a manager sees everyone; the admin sees no results at all", async () => {
    const people = new Set((await manager.caller.appraisal.appraisals.list({ pageSize: 100 })).rows.map((r) => r.employee.id));
    expect(people.has(staffB.id) && people.has(staffA.id)).toBe(true);
    expect((await refusalOf(admin.caller.appraisal.appraisals.list({}))).code).toBe("FORBIDDEN");
    expect((await refusalOf(admin.caller.appraisal.reports.yearEndTable({ year: 2026 }))).code).toBe("FORBIDDEN");
  });

  it("filters, search and sorting", async () => {
    const byName = await manager.caller.appraisal.appraisals.list({ q: "员工丙", pageSize: 100 });
    expect(byName.rows.every((r) => r.employee.name === "员工丙")).toBe(true);
    const march = await manager.caller.appraisal.appraisals.list({ year: 2026, month: 3, kind: "monthly", sort: "total", dir: "desc" });
    expect(march.rows.every((r) => r.period === "2026-03")).toBe(true);
    const totals = march.rows.map((r) => Number(r.total));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });
});

describe("concurrency", () => {
  it("two managers finalise at once: one finalisation, one clear refusal", async () => {
    const id = await scoredAppraisal(manager.caller, staffA2.id, "monthly", "2026-07");
    await staffA2.caller.appraisal.appraisals.acknowledge({ appraisalId: id });
    const results = await Promise.allSettled([manager.caller.appraisal.appraisals.finalise({ appraisalId: id }), manager2.caller.appraisal.appraisals.finalise({ appraisalId: id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const refusal = await refusalOf(Promise.reject(rejected.reason));
    expect(refusal).toMatchObject({ code: "CONFLICT", domainCode: "APPRAISAL_FINALISED" });
    expect(refusal.message).toContain("已定稿");
    expect(await t.db.auditLog.count({ where: { action: "appraisal.finalise", entityId: id } })).toBe(1);
  });

  it("two corrections at once: one correction, one refusal", async () => {
    const id = await finalisedAppraisal(manager.caller, staffA2, manager2.caller, "monthly", "2026-08");
    const results = await Promise.allSettled([manager.caller.appraisal.appraisals.correct({ appraisalId: id, reason: "更正一" }), manager2.caller.appraisal.appraisals.correct({ appraisalId: id, reason: "更正二" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.appraisal.count({ where: { correctsId: id } })).toBe(1);
  });

  it("the same monthly appraisal created twice at once: one draft", async () => {
    const results = await Promise.allSettled([
      manager.caller.appraisal.appraisals.create({ employeeId: staffB.id, kind: "monthly", period: "2026-09" }),
      manager2.caller.appraisal.appraisals.create({ employeeId: staffB.id, kind: "monthly", period: "2026-09" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.appraisal.count({ where: { employeeId: staffB.id, kind: "monthly", year: 2026, periodStart: new Date("2026-09-01T00:00:00Z") } })).toBe(1);
  });
});
