import { z } from "zod";

// An A4 sheet of self-adhesive labels: the sheet's margin all round, the gap between labels,
// and columns × rows. The commercial sheets the department buys are 2×5, 2×7, 3×8 …; the label
// must still hold the 档号 range and a scannable QR code, hence the minimum size.

export const A4_MM = { width: 210, height: 297 } as const;
export const MIN_LABEL_MM = { width: 40, height: 25 } as const;

export const ZLabelGrid = z.object({
  columns: z.number({ error: "integer" }).int("integer").min(1, "gridRange").max(6, "gridRange"),
  rows: z.number({ error: "integer" }).int("integer").min(1, "gridRange").max(12, "gridRange"),
  marginMm: z.number({ error: "integer" }).int("integer").min(0, "gridRange").max(30, "gridRange"),
  gapMm: z.number({ error: "integer" }).int("integer").min(0, "gridRange").max(10, "gridRange"),
});
export type TLabelGrid = z.infer<typeof ZLabelGrid>;

export const DEFAULT_GRID: TLabelGrid = { columns: 2, rows: 5, marginMm: 10, gapMm: 4 };
export const GRID_PRESETS: readonly TLabelGrid[] = [
  { columns: 2, rows: 5, marginMm: 10, gapMm: 4 },
  { columns: 2, rows: 7, marginMm: 10, gapMm: 3 },
  { columns: 3, rows: 8, marginMm: 8, gapMm: 2 },
];

export function labelsPerPage(g: TLabelGrid): number {
  return g.columns * g.rows;
}

export function pageCount(g: TLabelGrid, labels: number): number {
  return Math.max(1, Math.ceil(labels / labelsPerPage(g)));
}

/** One label's size in millimetres (two decimals; the sheet is laid out in mm). */
export function labelSizeMm(g: TLabelGrid): { width: number; height: number } {
  const width = (A4_MM.width - 2 * g.marginMm - (g.columns - 1) * g.gapMm) / g.columns;
  const height = (A4_MM.height - 2 * g.marginMm - (g.rows - 1) * g.gapMm) / g.rows;
  return { width: Math.floor(width * 100) / 100, height: Math.floor(height * 100) / 100 };
}

export function isGridPrintable(g: TLabelGrid): boolean {
  const s = labelSizeMm(g);
  return s.width >= MIN_LABEL_MM.width && s.height >= MIN_LABEL_MM.height;
}

/** The labels split into A4 pages, in order; the last page is left short (unused labels stay on the sheet). */
export function paginateLabels<T>(g: TLabelGrid, labels: readonly T[]): T[][] {
  const per = labelsPerPage(g);
  const pages: T[][] = [];
  for (let i = 0; i < labels.length; i += per) pages.push(labels.slice(i, i + per));
  return pages.length ? pages : [[]];
}

/** "KH-2026-000001 ~ KH-2026-000009" (sorted; one number alone; null for an empty box). */
export function rangeOf(values: readonly string[]): string | null {
  const sorted = [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b, "zh-CN", { numeric: true }));
  if (sorted.length === 0) return null;
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]} ~ ${sorted[sorted.length - 1]}`;
}
