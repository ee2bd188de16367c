import { describe, expect, it } from "vitest";
import { compareStockTake, normaliseArchiveNo, type KnownRecord } from "./stock-take-compare";

const rec = (n: number, isLent = false) => ({ id: `id-${n}`, archiveNo: `KH-2026-00000${n}`, isLent });

describe("compareStockTake", () => {
  it("finds everything present when every expected file is scanned", () => {
    const r = compareStockTake({ expected: [rec(1), rec(2)], scanned: ["KH-2026-000002", "KH-2026-000001"], elsewhere: new Map() });
    expect(r.counts).toEqual({ present: 2, missing: 0, misplaced: 0, unknown: 0, on_loan: 0 });
    expect(r.lines.map((l) => l.archiveNo)).toEqual(["KH-2026-000001", "KH-2026-000002"]);
  });

  it("calls an unscanned file missing, but an unscanned lent file 借出", () => {
    const r = compareStockTake({ expected: [rec(1), rec(2, true), rec(3)], scanned: ["KH-2026-000001"], elsewhere: new Map() });
    expect(r.lines.map((l) => [l.archiveNo, l.outcome])).toEqual([
      ["KH-2026-000001", "present"],
      ["KH-2026-000002", "on_loan"],
      ["KH-2026-000003", "missing"],
    ]);
    expect(r.counts.on_loan).toBe(1);
    expect(r.counts.missing).toBe(1);
  });

  it("counts a lent file that is physically there as present", () => {
    const r = compareStockTake({ expected: [rec(1, true)], scanned: ["KH-2026-000001"], elsewhere: new Map() });
    expect(r.lines[0]!.outcome).toBe("present");
  });

  it("says where a misplaced file belongs, and marks a number no record has as unknown", () => {
    const elsewhere = new Map<string, KnownRecord>([["KH-2026-000007", { id: "id-7", archiveNo: "KH-2026-000007", location: "A-2-05" }]]);
    const r = compareStockTake({ expected: [rec(1)], scanned: ["KH-2026-000001", "KH-2026-000007", "ZZ-1999-000001"], elsewhere });
    expect(r.lines).toEqual([
      { archiveNo: "KH-2026-000001", recordId: "id-1", outcome: "present", expectedLocation: null },
      { archiveNo: "KH-2026-000007", recordId: "id-7", outcome: "misplaced", expectedLocation: "A-2-05" },
      { archiveNo: "ZZ-1999-000001", recordId: null, outcome: "unknown", expectedLocation: null },
    ]);
    expect(r.counts).toEqual({ present: 1, missing: 0, misplaced: 1, unknown: 1, on_loan: 0 });
  });

  it("reads typed numbers case- and blank-insensitively and counts a double scan once", () => {
    const r = compareStockTake({ expected: [rec(1)], scanned: [" kh-2026-000001 ", "KH-2026-000001", ""], elsewhere: new Map() });
    expect(r.lines).toHaveLength(1);
    expect(r.counts.present).toBe(1);
    expect(normaliseArchiveNo(" kh-2026- 000001\n")).toBe("KH-2026-000001");
  });

  it("gives an empty result for an empty box with nothing scanned", () => {
    const r = compareStockTake({ expected: [], scanned: [], elsewhere: new Map() });
    expect(r.lines).toEqual([]);
    expect(Object.values(r.counts).every((c) => c === 0)).toBe(true);
  });
});
