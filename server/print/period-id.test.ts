import { describe, expect, it } from "vitest";
import { parsePeriodId, periodIdForFilter, periodIdOf, periodLabel, recentMonths } from "./period-id";
import { parsePrintIds } from "./print.service";
import { DomainError } from "../domain/errors";

describe("print ids that name a period", () => {
  it("a year, a month and a day range, with their first and last day", () => {
    expect(parsePeriodId("2026")).toMatchObject({ kind: "year", from: "2026-01-01", to: "2026-12-31", year: 2026, month: null });
    expect(parsePeriodId("2024-02")).toMatchObject({ kind: "month", from: "2024-02-01", to: "2024-02-29", month: 2 });
    expect(parsePeriodId("2026-11-03_2026-11-20")).toMatchObject({ kind: "range", from: "2026-11-03", to: "2026-11-20", year: 2026 });
  });

  it("refuses what is not a real period: bad month/day, reversed or over a year, other shapes", () => {
    for (const bad of ["2026-13", "2026-00", "1999", "2026-02-30_2026-03-01", "2026-03-02_2026-03-01", "2025-01-01_2026-01-02", "2026-1", "2026-11-01..2026-11-02", "", "../x"]) {
      expect(parsePeriodId(bad)).toBeNull();
    }
    expect(parsePeriodId("2024-01-01_2024-12-31")).not.toBeNull(); // 366 days of a leap year
  });

  it("a page filter's whole month or year is named as such", () => {
    expect(periodIdOf("2026-11-01", "2026-11-30")).toBe("2026-11");
    expect(periodIdOf("2026-01-01", "2026-12-31")).toBe("2026");
    expect(periodIdOf("2026-11-01", "2026-11-29")).toBe("2026-11-01_2026-11-29");
    for (const id of ["2026-11", "2026", "2026-11-01_2026-11-29"]) {
      const p = parsePeriodId(id)!;
      expect(periodIdOf(p.from, p.to)).toBe(id);
    }
    expect(periodLabel(parsePeriodId("2026-11")!)).toBe("2026年11月");
    expect(periodLabel(parsePeriodId("2026-11-03_2026-11-20")!)).toBe("2026-11-03 至 2026-11-20");
  });

  it("a list page's filter becomes the period its 打印 prints", () => {
    expect(periodIdForFilter(undefined, undefined, "2026-11-30")).toBe("2026-11");
    expect(periodIdForFilter("2026-11-01", "2026-11-30", "2026-12-05")).toBe("2026-11");
    expect(periodIdForFilter("2026-11-10", undefined, "2026-11-30")).toBe("2026-11-10_2026-11-30");
    expect(periodIdForFilter(undefined, "2026-11-20", "2026-11-30")).toBe("2026-11-01_2026-11-20");
    expect(periodIdForFilter("2024-01-01", "2026-11-30", "2026-11-30")).toBeNull();
    expect(periodIdForFilter("2024-01-01", "2026-11-30", "2026-11-30", 3660)).toBe("2024-01-01_2026-11-30");
    expect(periodIdForFilter("2026-11-20", "2026-11-01", "2026-11-30")).toBeNull();
  });

  it("recent months cross the new year", () => {
    expect(recentMonths("2026-02-15", 3)).toEqual(["2026-02", "2026-01", "2025-12"]);
  });

  it("a form's own id check replaces the uuid check, for one id and a batch", () => {
    const isPeriod = (id: string) => parsePeriodId(id) !== null;
    expect(parsePrintIds("2026-11", null, isPeriod)).toEqual(["2026-11"]);
    expect(parsePrintIds("batch", "2026-11,2026-10,2026-11", isPeriod)).toEqual(["2026-11", "2026-10"]);
    expect(() => parsePrintIds("2026-13", null, isPeriod)).toThrow(DomainError);
    // The default stays a uuid: a period is not a record id.
    expect(() => parsePrintIds("2026-11", null)).toThrow(DomainError);
  });
});
