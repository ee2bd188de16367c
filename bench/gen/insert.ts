// Bulk insert through unnest(): one array parameter per column instead of one parameter per cell
// (what makes createMany slow at this size), and ON CONFLICT DO NOTHING so a re-run inserts nothing.
import type { Db } from "../../server/db/client";

/** Column name → SQL element type of its array parameter (`uuid`, `text`, `int`, `"ComplaintStatus"`, …). */
export type Columns = Record<string, string>;
type Row = Record<string, unknown>;

export async function insertRows(db: Db, table: string, columns: Columns, rows: Row[], conflict = "ON CONFLICT DO NOTHING"): Promise<number> {
  if (rows.length === 0) return 0;
  const names = Object.keys(columns);
  const params = names.map((n) => rows.map((r) => toParam(r[n])));
  // jsonb[] from a text[] parameter: pg sends a JS array of strings, PostgreSQL parses each element.
  const arrays = names.map((n, i) => `$${i + 1}::${columns[n]}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) SELECT * FROM unnest(${arrays}) ${conflict}`;
  return db.$executeRawUnsafe(sql, ...params);
}

function toParam(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return v;
}

export type Timing = { table: string; rows: number; seconds: number };
export const timings: Timing[] = [];

export function report(table: string, rows: number, seconds: number) {
  timings.push({ table, rows, seconds });
  // A rate over a few dozen rows measures the round trip, not the insert: only shown from 1000 rows.
  const rate = rows >= 1000 ? `${Math.round(rows / seconds).toLocaleString("en-US").padStart(9)} rows/s` : "";
  console.log(`[bench] ${table.padEnd(18)} ${String(rows).padStart(9)} rows in ${seconds.toFixed(2).padStart(7)} s  ${rate}`.trimEnd());
}

export async function timed(table: string, work: () => Promise<number>) {
  const t0 = performance.now();
  const rows = await work();
  report(table, rows, (performance.now() - t0) / 1000);
  return rows;
}

/** Runs `batch(from, to)` over [0, total) in steps of `size`, logging progress every ~10 %. */
export async function inBatches(label: string, total: number, size: number, batch: (from: number, to: number) => Promise<number>): Promise<number> {
  let n = 0;
  let nextLog = total / 10;
  const t0 = performance.now();
  for (let from = 0; from < total; from += size) {
    const to = Math.min(total, from + size);
    n += await batch(from, to);
    if (to >= nextLog && to < total) {
      console.log(`[bench]   … ${label} ${to.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${Math.round((to / (performance.now() - t0)) * 1000).toLocaleString("en-US")}/s)`);
      nextLog += total / 10;
    }
  }
  return n;
}
