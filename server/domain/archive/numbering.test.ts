import { describe, expect, it } from "vitest";
import { formatArchiveNo, parseArchiveNo } from "./numbering";

describe("档号", () => {
  it("formats class-year-six-digit sequence", () => {
    expect(formatArchiveNo("KH", 2026, 123)).toBe("KH-2026-000123");
    expect(formatArchiveNo("NB", 2013, 1)).toBe("NB-2013-000001");
  });
  it("keeps sequences beyond six digits whole", () => {
    expect(formatArchiveNo("KH", 2026, 1234567)).toBe("KH-2026-1234567");
  });
  it("parses what it formats, case-insensitively and trimmed", () => {
    expect(parseArchiveNo(formatArchiveNo("KH", 2026, 50))).toEqual({ classCode: "KH", year: 2026, seq: 50 });
    expect(parseArchiveNo(" kh-2026-000050 ")).toEqual({ classCode: "KH", year: 2026, seq: 50 });
  });
  it("refuses what is not an archive number", () => {
    expect(parseArchiveNo("KH-26-000001")).toBeNull();
    expect(parseArchiveNo("KH-2026-12")).toBeNull();
    expect(parseArchiveNo("张三")).toBeNull();
  });
});
