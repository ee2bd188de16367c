import { describe, expect, it } from "vitest";
import { seedAll } from "../../prisma/seed/index";
import { shanghaiDay } from "../../server/domain/time";
import { callerFor, sessionFor, useTestDatabase } from "./helpers";

// The demo data the appraisal pages show: idempotent, and the previous year is the worked example.
const t = useTestDatabase();

describe("appraisal demo seed", () => {
  it("seeds once, and the year-end table shows the worked example and an 优秀员工", async () => {
    const first = await seedAll(t.db);
    expect(first.appraisals).toBeGreaterThan(100);
    expect((await seedAll(t.db)).appraisals).toBe(0);

    const m = await t.db.user.findUniqueOrThrow({ where: { loginName: "manager" }, select: { id: true, loginName: true, displayName: true } });
    const manager = callerFor(t.db, await sessionFor(t.db, { ...m, password: "", roles: ["manager"] }));
    const prev = Number(shanghaiDay(new Date()).slice(0, 4)) - 1;
    const table = await manager.appraisal.reports.yearEndTable({ year: prev });
    const wang = table.rows.find((r) => r.employee.name === "王丽娜")!;
    expect(wang.formula).toMatchObject({ checksMean: "91.25", monthlyMean: "91.67", yearEnd: "94.00", total: "92.75" });
    expect(table.rows.find((r) => r.employee.name === "刘洋")!.formula.outstanding).toBe(true);
    const thisYear = await manager.appraisal.reports.yearEndTable({ year: prev + 1 });
    expect(thisYear.rows.find((r) => r.employee.name === "王丽娜")!.formula.missing).toEqual(["yearEnd"]);
    expect((await manager.appraisal.appraisals.list({ status: "confirmed" })).rows.map((r) => r.employee.name)).toContain("刘洋");
    const fines = await manager.appraisal.fines.list({ year: prev + 1 });
    expect(fines.rows.find((r) => r.employee.name === "黄伟" && r.occurrence === 3)?.fineAmount).toBe("50.00");
  });
});
