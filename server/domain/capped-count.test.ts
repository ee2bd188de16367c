import { describe, expect, it } from "vitest";
import { cappedTotal, countLimit, LIST_COUNT_CAP } from "./capped-count";

describe("capped list totals", () => {
  it("counts one row past the cap, or past the page being read", () => {
    expect(countLimit(1, 50)).toBe(LIST_COUNT_CAP + 1);
    expect(countLimit(30, 50)).toBe(1501);
  });

  it("shows the exact total up to the cap and the cap with a plus beyond it", () => {
    expect(cappedTotal(999, 1, 50)).toEqual({ total: 999, totalCapped: false });
    expect(cappedTotal(1000, 1, 50)).toEqual({ total: 1000, totalCapped: false });
    expect(cappedTotal(1001, 1, 50)).toEqual({ total: 1000, totalCapped: true });
    expect(cappedTotal(1501, 30, 50)).toEqual({ total: 1500, totalCapped: true });
  });
});
