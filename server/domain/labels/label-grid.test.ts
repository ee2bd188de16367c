import { describe, expect, it } from "vitest";
import { DEFAULT_GRID, GRID_PRESETS, ZLabelGrid, isGridPrintable, labelSizeMm, labelsPerPage, pageCount, paginateLabels, rangeOf } from "./label-grid";

describe("label grid", () => {
  it("holds columns × rows labels per page", () => {
    expect(labelsPerPage({ columns: 2, rows: 5, marginMm: 10, gapMm: 4 })).toBe(10);
    expect(labelsPerPage({ columns: 3, rows: 8, marginMm: 8, gapMm: 2 })).toBe(24);
  });

  it("counts pages: a full page, one more label, none at all", () => {
    const g = { columns: 3, rows: 8, marginMm: 8, gapMm: 2 };
    expect(pageCount(g, 24)).toBe(1);
    expect(pageCount(g, 25)).toBe(2);
    expect(pageCount(g, 48)).toBe(2);
    expect(pageCount(g, 49)).toBe(3);
    expect(pageCount(g, 0)).toBe(1);
  });

  it("splits labels into pages in order, the last one short", () => {
    const pages = paginateLabels(DEFAULT_GRID, Array.from({ length: 23 }, (_, i) => i));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(pages[2]).toEqual([20, 21, 22]);
    expect(paginateLabels(DEFAULT_GRID, [])).toEqual([[]]);
  });

  it("sizes a label from the A4 page, the margin and the gaps", () => {
    // (210 − 2·10 − 4) / 2 = 93; (297 − 2·10 − 4·4) / 5 = 52.2
    expect(labelSizeMm(DEFAULT_GRID)).toEqual({ width: 93, height: 52.2 });
    expect(labelSizeMm({ columns: 3, rows: 8, marginMm: 8, gapMm: 2 })).toEqual({ width: 63.33, height: 33.37 });
  });

  it("accepts the presets and refuses a grid too dense for a QR code", () => {
    for (const g of GRID_PRESETS) expect(isGridPrintable(g)).toBe(true);
    expect(isGridPrintable({ columns: 6, rows: 12, marginMm: 10, gapMm: 2 })).toBe(false);
    expect(isGridPrintable({ columns: 1, rows: 12, marginMm: 30, gapMm: 10 })).toBe(false);
  });

  it("validates the grid's bounds (form and procedure share the schema)", () => {
    expect(ZLabelGrid.safeParse({ columns: 0, rows: 5, marginMm: 10, gapMm: 4 }).success).toBe(false);
    expect(ZLabelGrid.safeParse({ columns: 2, rows: 13, marginMm: 10, gapMm: 4 }).success).toBe(false);
    expect(ZLabelGrid.safeParse({ columns: 2.5, rows: 5, marginMm: 10, gapMm: 4 }).success).toBe(false);
    expect(ZLabelGrid.parse({ columns: 3, rows: 8, marginMm: 8, gapMm: 2 })).toEqual({ columns: 3, rows: 8, marginMm: 8, gapMm: 2 });
  });

  it("writes the 档号 range sorted, one number alone, nothing for an empty box", () => {
    expect(rangeOf(["KH-2026-000010", "KH-2026-000002", "KH-2026-000009"])).toBe("KH-2026-000002 ~ KH-2026-000010");
    expect(rangeOf(["KH-2026-000002"])).toBe("KH-2026-000002");
    expect(rangeOf([])).toBeNull();
  });
});
