import { rate, type Rate } from "../complaints/stats";
import { shanghaiMonthOf } from "./months";

// 档案完整率统计 (issue 9 §3): client files complete vs incomplete per project and building (the
// checklist of 004 第七条, computed by archive/completeness.ts), the checklist items most often
// missing, and the records added per Shanghai month by class. Pure, unit-tested.

export type ClientFileRow = { project: string; building: string | null; percent: number; missing: string[] };
export type AddedRow = { createdAt: Date; className: string };

export type PlaceCompleteness = { project: string; building: string | null; complete: number; incomplete: number; rate: Rate };
export type MonthByClass = { month: string; counts: Record<string, number>; total: number };

export const TOP_MISSING = 10;

export function aggregateArchiveStats(files: ClientFileRow[], added: AddedRow[], months: string[]) {
  const places = new Map<string, PlaceCompleteness>();
  for (const f of files) {
    const key = `${f.project}\u0000${f.building ?? ""}`;
    const p = places.get(key) ?? { project: f.project, building: f.building, complete: 0, incomplete: 0, rate: rate(0, 0) };
    if (f.percent >= 100) p.complete++;
    else p.incomplete++;
    places.set(key, p);
  }
  const byPlace = [...places.values()]
    .map((p) => ({ ...p, rate: rate(p.complete, p.complete + p.incomplete) }))
    .sort((a, b) => a.project.localeCompare(b.project) || (a.building ?? "").localeCompare(b.building ?? ""));

  const missing = new Map<string, number>();
  for (const f of files) for (const name of new Set(f.missing)) missing.set(name, (missing.get(name) ?? 0) + 1);
  const missingTop = [...missing.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, TOP_MISSING);

  const inPeriod = new Set(months);
  const periodAdded = added.filter((r) => inPeriod.has(shanghaiMonthOf(r.createdAt)));
  const classes = [...new Set(periodAdded.map((r) => r.className))].sort((a, b) => a.localeCompare(b));
  const addedByMonth: MonthByClass[] = months.map((month) => {
    const counts: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
    for (const r of periodAdded) if (shanghaiMonthOf(r.createdAt) === month) counts[r.className]!++;
    return { month, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });

  const complete = files.filter((f) => f.percent >= 100).length;
  return {
    clientFiles: files.length,
    complete,
    incomplete: files.length - complete,
    completeRate: rate(complete, files.length),
    byPlace,
    missingTop,
    classes,
    addedByMonth,
    added: periodAdded.length,
  };
}

export type ArchiveStats = ReturnType<typeof aggregateArchiveStats>;
