import { describe, expect, it } from "vitest";
import { formatShanghai } from "../time";
import { addDays, isDay, isGeneratable, lastDayOfMonth, latestDuePeriod, periodAt, periodContaining, periodLabel, periodOfKey, previousPeriod, weekdayOf } from "./report-periods";

const sh = (s: string) => new Date(`${s}+08:00`);

describe("report periods (000 §13, Asia/Shanghai)", () => {
  it("a call at 23:59 on the last day of the month belongs to that month, 00:00 the next day to the next", () => {
    const late = sh("2026-03-31T23:59:00");
    expect(periodAt("monthly", late).key).toBe("2026-03");
    expect(periodAt("daily", late).key).toBe("2026-03-31");
    expect(periodAt("monthly", sh("2026-04-01T00:00:00")).key).toBe("2026-04");
    // 23:59 Shanghai is 15:59 UTC: the UTC day must not decide.
    expect(late.toISOString()).toBe("2026-03-31T15:59:00.000Z");
    // 07:59 UTC on 1 April is already 15:59 in Shanghai: April.
    expect(periodAt("monthly", new Date("2026-03-31T16:00:00Z")).key).toBe("2026-04");
  });

  it("daily: the Shanghai day, due at 09:00 the next morning", () => {
    const p = periodContaining("daily", "2026-03-02");
    expect(p.start.toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-02T16:00:00.000Z");
    expect(formatShanghai(p.dueAt)).toBe("2026-03-03 09:00");
  });

  it("weekly: Sunday to Saturday, due at the end of the Saturday it is sent", () => {
    expect(weekdayOf("2026-03-07")).toBe(6);
    for (const day of ["2026-03-01", "2026-03-04", "2026-03-07"]) {
      const p = periodContaining("weekly", day);
      expect([p.key, p.firstDay, p.lastDay]).toEqual(["2026-03-01", "2026-03-01", "2026-03-07"]);
      expect(formatShanghai(p.dueAt)).toBe("2026-03-08 00:00");
    }
    expect(periodContaining("weekly", "2026-03-08").key).toBe("2026-03-08");
    // A week across the year end keeps its Sunday's key.
    const y = periodContaining("weekly", "2027-01-01");
    expect([y.firstDay, y.lastDay]).toEqual(["2026-12-27", "2027-01-02"]);
    expect(periodLabel(y)).toBe("2026-12-27 ~ 2027-01-02");
  });

  it("monthly: the calendar month, due at the end of its last day; leap years and the year end", () => {
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2026-02")).toBe("2026-02-28");
    expect(lastDayOfMonth("2100-02")).toBe("2100-02-28");
    expect(lastDayOfMonth("2000-02")).toBe("2000-02-29");
    const feb = periodContaining("monthly", "2024-02-29");
    expect([feb.firstDay, feb.lastDay]).toEqual(["2024-02-01", "2024-02-29"]);
    expect(formatShanghai(feb.dueAt)).toBe("2024-03-01 00:00");
    const dec = periodContaining("monthly", "2026-12-31");
    expect(formatShanghai(dec.start)).toBe("2026-12-01 00:00");
    expect(formatShanghai(dec.end)).toBe("2027-01-01 00:00");
    expect(previousPeriod(periodContaining("monthly", "2027-01-15")).key).toBe("2026-12");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("parses keys strictly", () => {
    expect(periodOfKey("monthly", "2026-13")).toBeNull();
    expect(periodOfKey("monthly", "2026-1")).toBeNull();
    expect(periodOfKey("daily", "2026-02-29")).toBeNull();
    expect(periodOfKey("daily", "2024-02-29")?.key).toBe("2024-02-29");
    expect(periodOfKey("weekly", "2026-03-02")).toBeNull(); // a Monday
    expect(periodOfKey("weekly", "2026-03-01")?.lastDay).toBe("2026-03-07");
    expect(isDay("2026-04-31")).toBe(false);
  });

  it("the latest due period and when a report may be generated", () => {
    expect(latestDuePeriod("daily", sh("2026-03-03T08:59:00")).key).toBe("2026-03-01");
    expect(latestDuePeriod("daily", sh("2026-03-03T09:00:00")).key).toBe("2026-03-02");
    expect(latestDuePeriod("weekly", sh("2026-03-07T23:00:00")).key).toBe("2026-02-22");
    expect(latestDuePeriod("weekly", sh("2026-03-08T00:00:00")).key).toBe("2026-03-01");
    expect(latestDuePeriod("monthly", sh("2026-03-31T12:00:00")).key).toBe("2026-02");
    expect(latestDuePeriod("monthly", sh("2026-04-01T00:00:00")).key).toBe("2026-03");
    const march = periodContaining("monthly", "2026-03-10");
    expect(isGeneratable(march, sh("2026-03-30T23:59:00"))).toBe(false);
    expect(isGeneratable(march, sh("2026-03-31T00:00:00"))).toBe(true);
    expect(isGeneratable(periodContaining("daily", "2026-03-10"), sh("2026-03-10T18:00:00"))).toBe(true);
  });
});
