import { beforeAll, describe, expect, it } from "vitest";
import { refusalOf, useTestDatabase } from "./helpers";
import { department, finalisedAppraisal, person, scoredAppraisal, type Person } from "./appraisal-helpers";

// Issue 7 §3, §5, §6 through the routers: the year-end formula on finalised results, statistics,
// and the fine ladder with the yearly count.
const t = useTestDatabase();
let manager: Person;
let supervisor: Person;
let wang: Person;
let liu: Person;
let huang: Person;

beforeAll(async () => {
  const d = await department(t.db, "KF");
  manager = await person(t.db, ["manager"], d, "赵经理");
  supervisor = await person(t.db, ["supervisor"], d, "李主管");
  wang = await person(t.db, ["staff"], d, "王丽娜");
  liu = await person(t.db, ["staff"], d, "刘洋");
  huang = await person(t.db, ["staff"], d, "黄伟");

  // The worked example of year-end.test.ts, scored through the workflow:
  // checks 92, 95, 88 (周检) and 90 (月检) → 91.25; monthly 88, 91, 96 → 91.666…; year-end 94 → 92.75
  const s = supervisor.caller;
  const m = manager.caller;
  await finalisedAppraisal(s, wang, m, "weekly_check", "2026-03-02", { deduct: { 服务态度: "3", 工作效率: "5" } });
  await finalisedAppraisal(s, wang, m, "weekly_check", "2026-03-09", { deduct: { 服务态度: "5" } });
  await finalisedAppraisal(s, wang, m, "weekly_check", "2026-03-16", { deduct: { 工作效果: "10", 工作出勤: "2" } });
  await finalisedAppraisal(s, wang, m, "monthly_check", "2026-03", { deduct: { 工作效果: "10" } });
  // A finalised 抽检 of 75: not part of the formula (4.6 A names 周检 and 月检 only).
  await finalisedAppraisal(s, wang, m, "spot_check", "2026-03-20", { deduct: { 工作效果: "10", 工作效率: "10", 培训效果: "5" } });
  await finalisedAppraisal(m, wang, m, "monthly", "2026-01", { deduct: { 工作效果: "10", 工作出勤: "2" } });
  await finalisedAppraisal(m, wang, m, "monthly", "2026-02", { deduct: { 工作效果: "9" } });
  await finalisedAppraisal(m, wang, m, "monthly", "2026-03", { deduct: { 工作效率: "4" } });
  await finalisedAppraisal(m, wang, m, "year_end", "2026", { deduct: { 创新能力: "6" } });

  // 刘洋: commendations lift him above 100 → 优秀员工. checks 100, 102 → 101; monthly 103, 99 → 101; year-end 104 → 102.50
  await finalisedAppraisal(s, liu, m, "weekly_check", "2026-04-06");
  await finalisedAppraisal(s, liu, m, "monthly_check", "2026-04", { commendation: "2" });
  await finalisedAppraisal(m, liu, m, "monthly", "2026-04", { commendation: "3" });
  await finalisedAppraisal(m, liu, m, "monthly", "2026-05", { deduct: { 主动性: "1" } });
  await finalisedAppraisal(m, liu, m, "year_end", "2026", { commendation: "4" });

  // 黄伟: one monthly appraisal finalised, one only scored; no checks, no year-end.
  await finalisedAppraisal(m, huang, m, "monthly", "2026-03", { deduct: { 工作效率: "2" } });
  await scoredAppraisal(m, huang.id, "monthly", "2026-04", { deduct: { 工作效率: "9" } });
});

describe("year-end total (20 % checks + 30 % monthly + 50 % year-end)", () => {
  it("the worked example: 92.75, from finalised results only", async () => {
    const table = await manager.caller.appraisal.reports.yearEndTable({ year: 2026 });
    const w = table.rows.find((r) => r.employee.name === "王丽娜")!;
    expect(w.formula).toMatchObject({ checksMean: "91.25", monthlyMean: "91.67", yearEnd: "94.00", checksCount: 4, monthlyCount: 3, total: "92.75", outstanding: false, missing: [] });
    expect(w.months.slice(0, 3)).toEqual(["88.00", "91.00", "96.00"]);
  });

  it("commendations carried into the weighting: 102.50 → 优秀员工, ranked first", async () => {
    const table = await manager.caller.appraisal.reports.yearEndTable({ year: 2026 });
    const l = table.rows.find((r) => r.employee.name === "刘洋")!;
    expect(l.formula).toMatchObject({ checksMean: "101.00", monthlyMean: "101.00", yearEnd: "104.00", total: "102.50", outstanding: true });
    expect(l.rank).toBe(1);
    expect(table.rows[0]!.employee.name).toBe("刘洋");
  });

  it("missing parts are missing, not zero; a scored but unfinalised result is pending, not counted", async () => {
    const table = await manager.caller.appraisal.reports.yearEndTable({ year: 2026 });
    const h = table.rows.find((r) => r.employee.name === "黄伟")!;
    expect(h.formula).toMatchObject({ checksMean: null, monthlyMean: "98.00", monthlyCount: 1, yearEnd: null, total: null, missing: ["checks", "yearEnd"] });
    expect(h.pending).toBe(1);
    expect(h.rank).toBeNull();
  });

  it("the person's record lists every entry and says which count", async () => {
    const rec = await manager.caller.appraisal.reports.yearEndRecord({ year: 2026, employeeId: wang.id });
    expect(rec.formula.total).toBe("92.75");
    const spot = rec.entries.filter((e) => e.kind === "spot_check");
    expect(spot).toMatchObject([{ status: "finalised", total: "75.00", counted: false }]);
    expect(rec.entries.filter((e) => e.counted)).toHaveLength(8);
    // The employee sees their own record, not another's.
    expect((await wang.caller.appraisal.reports.yearEndRecord({ year: 2026, employeeId: wang.id })).formula.total).toBe("92.75");
    expect((await refusalOf(wang.caller.appraisal.reports.yearEndRecord({ year: 2026, employeeId: liu.id }))).code).toBe("NOT_FOUND");
    expect((await wang.caller.appraisal.reports.yearEndTable({ year: 2026 })).rows.map((r) => r.employee.name)).toEqual(["王丽娜"]);
  });
});

describe("statistics", () => {
  it("per kind, per dimension, ranking by 月考核 and the monthly trend, finalised only", async () => {
    const s = await manager.caller.appraisal.reports.statistics({ year: 2026, month: 3 });
    const monthly = s.byKind.find((k) => k.kind === "monthly")!;
    // March monthly: 王丽娜 96, 黄伟 98
    expect(monthly).toMatchObject({ count: 2, mean: "97.00", max: "98.00", min: "96.00" });
    expect(s.ranking.map((r) => [r.rank, r.employee.name, r.mean])).toEqual([
      [1, "黄伟", "98.00"],
      [2, "王丽娜", "96.00"],
    ]);
    const year = await manager.caller.appraisal.reports.statistics({ year: 2026 });
    expect(year.trend[3]).toEqual({ month: 4, monthly: "103.00", checks: "101.00" });
    expect(year.trend[0]!.checks).toBeNull();
    expect(year.dimensions.de).not.toBeNull();
  });

  it("员工月绩效考核记录表 lists every 月考核 of the month, finalised or not", async () => {
    const rows = await manager.caller.appraisal.reports.monthlyRecords({ year: 2026, month: 4 });
    expect(rows.map((r) => [r.employee, r.total, r.status])).toEqual([
      ["刘洋", "103.00", "finalised"],
      ["黄伟", "91.00", "scored"],
    ]);
    expect((await liu.caller.appraisal.reports.monthlyRecords({ year: 2026, month: 4 })).map((r) => r.employee)).toEqual(["刘洋"]);
  });
});

describe("disciplinary fines (002 篇1 四.2)", () => {
  it("proposes 20, 20, 50 for rules 1–11 counted together in the year, and records what it proposed", async () => {
    const rec = (rule: number, occurredOn: string) => supervisor.caller.appraisal.fines.record({ employeeId: huang.id, rule, occurredOn, description: `违反第${rule}条` });
    expect((await supervisor.caller.appraisal.fines.proposal({ employeeId: huang.id, rule: 2, occurredOn: "2026-05-01" })).fineAmount).toBe("20.00");
    expect(await rec(2, "2026-05-01")).toMatchObject({ occurrence: 1, fineAmount: "20.00" });
    expect(await rec(7, "2026-05-03")).toMatchObject({ occurrence: 2, fineAmount: "20.00" });
    expect(await supervisor.caller.appraisal.fines.proposal({ employeeId: huang.id, rule: 9, occurredOn: "2026-06-01" })).toMatchObject({ occurrence: 3, priorInYear: 2, fineAmount: "50.00" });
    expect(await rec(9, "2026-06-01")).toMatchObject({ occurrence: 3, fineAmount: "50.00" });
    // A new year starts the count again.
    expect(await rec(9, "2027-01-05")).toMatchObject({ occurrence: 1, fineAmount: "20.00" });
    expect(await t.db.notification.count({ where: { userId: huang.id, kind: "fineRecorded" } })).toBe(4);
  });

  it("drinking: a day off and 100 元, then dismissal; rule 14 the call cost plus twice it", async () => {
    const rec = (rule: number, callCost?: string) => manager.caller.appraisal.fines.record({ employeeId: liu.id, rule, occurredOn: "2026-07-01", description: "情况说明", callCost });
    expect(await rec(12)).toMatchObject({ occurrence: 1, fineAmount: "100.00", suspensionDays: 1, dismissal: false });
    expect(await rec(12)).toMatchObject({ occurrence: 2, dismissal: true });
    expect(await rec(14, "12.50")).toMatchObject({ fineAmount: "25.00", compensation: "12.50" });
    expect((await refusalOf(rec(14))).domainCode).toBe("FINE_CALL_COST_REQUIRED");
  });

  it("concurrent records for one person get consecutive occurrences, never the same one", async () => {
    const results = await Promise.all(
      ["2026-08-01", "2026-08-02", "2026-08-03"].map((d) => manager.caller.appraisal.fines.record({ employeeId: wang.id, rule: 1, occurredOn: d, description: "脱岗" })),
    );
    expect(results.map((r) => r.occurrence).sort()).toEqual([1, 2, 3]);
    expect(results.map((r) => r.fineAmount).sort()).toEqual(["20.00", "20.00", "50.00"]);
  });

  it("staff see their own fines only and cannot record any", async () => {
    const mine = await huang.caller.appraisal.fines.list({});
    expect(mine.total).toBe(4);
    expect(mine.rows.every((r) => r.employee.name === "黄伟")).toBe(true);
    expect((await refusalOf(huang.caller.appraisal.fines.record({ employeeId: wang.id, rule: 1, occurredOn: "2026-05-01", description: "xx" }))).code).toBe("FORBIDDEN");
  });
});
