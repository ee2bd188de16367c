import { describe, expect, it } from "vitest";
import { aggregateLoanStats, wentOverdue, type LoanRow } from "./loan-stats";

const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const base: LoanRow = { borrowType: "takeaway", status: "returned", lentAt: sh("2026-03-02 10:00"), returnedAt: sh("2026-03-05 10:00"), dueOn: "2026-03-09", classes: ["客户档案"] };

describe("wentOverdue", () => {
  const now = sh("2026-04-20 09:00");
  it("is late only when returned on a later Shanghai day than due", () => {
    expect(wentOverdue({ ...base, returnedAt: sh("2026-03-09 23:59") }, now)).toBe(false);
    expect(wentOverdue({ ...base, returnedAt: sh("2026-03-10 00:05") }, now)).toBe(true); // 16:05 UTC on the 9th
  });
  it("a loan still out is late after its due day; one never lent never is", () => {
    expect(wentOverdue({ ...base, status: "lent", returnedAt: null, dueOn: "2026-04-19" }, now)).toBe(true);
    expect(wentOverdue({ ...base, status: "renewed", returnedAt: null, dueOn: "2026-04-20" }, now)).toBe(false);
    expect(wentOverdue({ ...base, status: "approved", lentAt: null, returnedAt: null, dueOn: "2026-03-01" }, now)).toBe(false);
  });
});

describe("aggregateLoanStats", () => {
  const now = sh("2026-04-20 09:00");
  const rows: LoanRow[] = [
    base, // lent and returned in March, on time: 3 days out
    { ...base, borrowType: "copy", lentAt: sh("2026-03-31 23:30"), returnedAt: sh("2026-04-10 11:30"), dueOn: "2026-04-07", classes: ["客户档案", "工程档案"] }, // March loan, back late in April: 9.5 days
    { ...base, borrowType: "reading", status: "lent", lentAt: sh("2026-04-01 00:10"), returnedAt: null, dueOn: "2026-04-15", classes: ["工程档案"] }, // April, still out, overdue
    { ...base, status: "approved", lentAt: null, returnedAt: null, dueOn: "2026-04-30", classes: ["工程档案"] }, // never lent: nothing
    { ...base, lentAt: sh("2026-02-20 10:00"), returnedAt: sh("2026-03-01 10:00"), dueOn: "2026-02-27" }, // February loan back late in March
  ];
  const s = aggregateLoanStats(rows, ["2026-03", "2026-04"], now);

  it("counts by the Shanghai month of lending, return and due day", () => {
    expect(s.byMonth).toEqual([
      { month: "2026-03", lent: 2, returned: 2, overdue: 0 },
      { month: "2026-04", lent: 1, returned: 1, overdue: 2 },
    ]);
    expect([s.lent, s.returned, s.overdue]).toEqual([3, 3, 2]);
  });

  it("splits the period's loans by type and by the classes of their records", () => {
    expect(s.byType).toEqual([
      { name: "copy", count: 1 },
      { name: "reading", count: 1 },
      { name: "takeaway", count: 1 },
    ]);
    expect(s.byClass).toEqual([
      { name: "客户档案", count: 2 },
      { name: "工程档案", count: 2 },
    ]);
  });

  it("averages the days out of loans returned in the period, exactly, and rates the overdue ones among those due", () => {
    // (3 + 9.5 + 9) / 3 = 7.1666… → 7.2 (the Feb loan came back in March after 9 days)
    expect(s.averageDaysOut).toBe("7.2");
    // due in March–April: base (Mar 9), the copy (Apr 7, late), the reading (Apr 15, late)
    expect(s.overdueRate).toEqual({ num: 2, den: 3, percent: "66.7" });
  });

  it("has nothing to average or rate in an empty period", () => {
    const e = aggregateLoanStats(rows, ["2025-01"], now);
    expect(e.averageDaysOut).toBeNull();
    expect(e.overdueRate.percent).toBeNull();
    expect(e.byMonth).toEqual([{ month: "2025-01", lent: 0, returned: 0, overdue: 0 }]);
  });
});
