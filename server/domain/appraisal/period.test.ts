import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { periodLabel, periodStartOf } from "./period";

describe("assessment periods", () => {
  it("a 周检 starts on the Monday of its week, and belongs to that Monday's year", () => {
    expect(periodStartOf("weekly_check", "2026-04-02")).toEqual({ periodStart: "2026-03-30", year: 2026 });
    expect(periodStartOf("weekly_check", "2026-03-30")).toEqual({ periodStart: "2026-03-30", year: 2026 });
    expect(periodStartOf("weekly_check", "2026-04-05")).toEqual({ periodStart: "2026-03-30", year: 2026 });
    expect(periodStartOf("weekly_check", "2027-01-01")).toEqual({ periodStart: "2026-12-28", year: 2026 });
    expect(periodLabel("weekly_check", "2026-03-30")).toBe("2026-W14");
  });

  it("月检 and 月考核 take the month, 年终考评 the year, 抽检 its day", () => {
    expect(periodStartOf("monthly", "2026-03")).toEqual({ periodStart: "2026-03-01", year: 2026 });
    expect(periodStartOf("monthly_check", "2026-12")).toEqual({ periodStart: "2026-12-01", year: 2026 });
    expect(periodStartOf("year_end", "2026")).toEqual({ periodStart: "2026-01-01", year: 2026 });
    expect(periodStartOf("spot_check", "2026-02-28")).toEqual({ periodStart: "2026-02-28", year: 2026 });
    expect(periodLabel("monthly", "2026-03-01")).toBe("2026-03");
    expect(periodLabel("year_end", "2026-01-01")).toBe("2026");
  });

  it("refuses a period in the wrong shape or an impossible day", () => {
    for (const [kind, p] of [["monthly", "2026-13"], ["monthly", "2026-03-01"], ["spot_check", "2026-02-30"], ["year_end", "26"], ["weekly_check", "2026-3-1"]] as const) {
      expect(() => periodStartOf(kind, p), `${kind} ${p}`).toThrow(DomainError);
    }
  });
});
