import { describe, expect, it } from "vitest";
import { scoreAppraisal, type ScoringItem } from "./scoring";
import { DEFAULT_TEMPLATES } from "./dimensions";
import { showScore, yearEndTotal } from "./year-end";

describe("year-end total = 20 % checks + 30 % monthly + 50 % year-end (002 篇2 4.6)", () => {
  it("worked example: 王丽娜, 2026", () => {
    // 周检 92, 95, 88 and 月检 90 → mean 365 / 4 = 91.25
    // 月考核 88, 91, 96 → mean 275 / 3 = 91.666…
    // 年终考评 94
    // 0.2 × 91.25 + 0.3 × 91.666… + 0.5 × 94 = 18.25 + 27.5 + 47 = 92.75
    const r = yearEndTotal({ checks: ["92", "95", "88", "90"], monthly: ["88", "91", "96"], yearEnd: "94" });
    expect(r.checksMean!.toString()).toBe("91.25");
    expect(showScore(r.monthlyMean)).toBe("91.67");
    expect(r.total!.toFixed(2)).toBe("92.75");
    expect(r.outstanding).toBe(false);
    expect(r.missing).toEqual([]);
  });

  it("rounds the total once, half up: 87.565 → 87.57 (floats would give 87.56)", () => {
    // 0.2 × 90.25 + 0.3 × 85.05 + 0.5 × 88 = 18.05 + 25.515 + 44 = 87.565
    const r = yearEndTotal({ checks: ["90.5", "90"], monthly: ["85.05"], yearEnd: "88" });
    expect(r.total!.toFixed(2)).toBe("87.57");
    expect((0.2 * 90.25 + 0.3 * 85.05 + 0.5 * 88).toFixed(2)).toBe("87.56");
  });

  it("means enter the sum unrounded: 1/3 of a point is not lost", () => {
    // checks mean 272/3 = 90.666…; 0.2 × that = 18.1333…; + 25.5 + 44 = 87.6333… → 87.63
    const r = yearEndTotal({ checks: ["90", "91", "91"], monthly: ["85"], yearEnd: "88" });
    expect(r.total!.toFixed(2)).toBe("87.63");
  });

  it("commendations carry into the weighting: above 100 after weighting makes 优秀员工", () => {
    // Commendations (4.8) lifted several totals above 100 before weighting:
    // checks 100, 102 → 101; monthly 103, 99 → 101; year-end 104
    // 20.2 + 30.3 + 52 = 102.5 → 优秀员工
    const r = yearEndTotal({ checks: ["100", "102"], monthly: ["103", "99"], yearEnd: "104" });
    expect(r.total!.toFixed(2)).toBe("102.50");
    expect(r.outstanding).toBe(true);
  });

  it("exactly 100 is not above 100; 100.01 is", () => {
    expect(yearEndTotal({ checks: ["100"], monthly: ["100"], yearEnd: "100" }).outstanding).toBe(false);
    const r = yearEndTotal({ checks: ["100"], monthly: ["100"], yearEnd: "100.02" });
    expect(r.total!.toFixed(2)).toBe("100.01");
    expect(r.outstanding).toBe(true);
  });

  it("a bonus from scoring flows through: the year-end appraisal with a commendation of 8", () => {
    const items: ScoringItem[] = DEFAULT_TEMPLATES.operational.items.map((i, n) => ({ id: `i${n}`, dimension: i.dimension, name: i.name, maxScore: i.maxScore }));
    const yearEnd = scoreAppraisal(items, [{ itemId: "i0", deduction: "1", reason: "x" }], [{ kind: "commendation", points: "8", reason: "年度嘉奖" }]);
    expect(yearEnd.total.toString()).toBe("107");
    const r = yearEndTotal({ checks: ["96"], monthly: ["97", "98"], yearEnd: yearEnd.total });
    // 19.2 + 29.25 + 53.5 = 101.95
    expect(r.total!.toFixed(2)).toBe("101.95");
    expect(r.outstanding).toBe(true);
  });

  it("missing parts are missing, not zero: no total until all three exist", () => {
    const r = yearEndTotal({ checks: ["90"], monthly: [], yearEnd: null });
    expect(r.missing).toEqual(["monthly", "yearEnd"]);
    expect(r.total).toBeNull();
    expect(r.monthlyMean).toBeNull();
    expect(showScore(r.checksMean)).toBe("90.00");
    expect(r.outstanding).toBe(false);
    expect(yearEndTotal({ checks: [], monthly: ["90"], yearEnd: "90" }).missing).toEqual(["checks"]);
  });
});
