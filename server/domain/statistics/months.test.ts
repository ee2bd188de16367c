import { describe, expect, it } from "vitest";
import { lastDayOf, monthCount, monthRange, monthsBefore, monthsBetween, shanghaiMonthOf } from "./months";

describe("Shanghai months", () => {
  it("cuts the month in Shanghai, not UTC", () => {
    expect(shanghaiMonthOf(new Date("2026-03-31T15:30:00Z"))).toBe("2026-03"); // 23:30 Shanghai
    expect(shanghaiMonthOf(new Date("2026-03-31T16:10:00Z"))).toBe("2026-04"); // 00:10 on 1 April
  });

  it("knows the month lengths, leap years included", () => {
    expect(lastDayOf("2026-02")).toBe("2026-02-28");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(lastDayOf("2026-12")).toBe("2026-12-31");
  });

  it("gives the UTC instants of a period of months", () => {
    const r = monthRange("2026-03", "2026-04");
    expect(r.start.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(r.end.toISOString()).toBe("2026-04-30T16:00:00.000Z");
    expect([r.firstDay, r.lastDay]).toEqual(["2026-03-01", "2026-04-30"]);
  });

  it("lists months across a year end and counts back", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
    expect(monthsBefore("2026-02", 2)).toBe("2025-12");
    expect(monthsBefore("2026-02", 0)).toBe("2026-02");
    expect(monthsBefore("2026-01", 12)).toBe("2025-01");
    expect([monthCount("2025-11", "2026-02"), monthCount("2026-03", "2026-03"), monthCount("2026-03", "2026-02")]).toEqual([4, 1, 0]);
  });
});
