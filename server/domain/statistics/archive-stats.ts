import { rate, type Rate } from "../complaints/stats";

// 档案完整率统计 (issue 9 §3): client files complete vs incomplete per project and building (the
// checklist of 004 第七条, computed by archive/completeness.ts and kept per file by the database,
// see ClientFileState), the checklist items most often missing, and the records added per
// Shanghai month by class. The database hands over its tallies (one row per place, item or month
// and class, possibly several for one name); this adds them up. Pure, unit-tested.

export type PlaceTally = { projectId?: string; project: string; building: string | null; files: number; complete: number };
export type MissingTally = { name: string; files: number };
export type AddedTally = { month: string; className: string; records: number };

export type PlaceCompleteness = { project: string; building: string | null; complete: number; incomplete: number; rate: Rate };
export type ProjectCompleteness = { projectId: string | null; project: string; buildings: number; complete: number; incomplete: number; rate: Rate };
export type MonthByClass = { month: string; counts: Record<string, number>; total: number };

export const TOP_MISSING = 10;

export function aggregateArchiveStats(placeTallies: PlaceTally[], missingTallies: MissingTally[], addedTallies: AddedTally[], months: string[]) {
  const places = new Map<string, PlaceCompleteness>();
  const projectIdOf = new Map<string, string>();
  for (const f of placeTallies) {
    if (f.files <= 0) continue;
    const key = `${f.project}\u0000${f.building ?? ""}`;
    const p = places.get(key) ?? { project: f.project, building: f.building, complete: 0, incomplete: 0, rate: rate(0, 0) };
    p.complete += f.complete;
    p.incomplete += f.files - f.complete;
    places.set(key, p);
    if (f.projectId) projectIdOf.set(f.project, f.projectId);
  }
  const byPlace = [...places.values()]
    .map((p) => ({ ...p, rate: rate(p.complete, p.complete + p.incomplete) }))
    .sort((a, b) => a.project.localeCompare(b.project) || (a.building ?? "").localeCompare(b.building ?? ""));

  // The page's rows when no project is chosen: a department has hundreds of buildings (760 in the
  // volume bench), too many to chart or read; one row per project drills down into its buildings.
  const projects = new Map<string, ProjectCompleteness>();
  for (const p of byPlace) {
    const q = projects.get(p.project) ?? { projectId: projectIdOf.get(p.project) ?? null, project: p.project, buildings: 0, complete: 0, incomplete: 0, rate: rate(0, 0) };
    q.buildings += p.building === null ? 0 : 1;
    q.complete += p.complete;
    q.incomplete += p.incomplete;
    projects.set(p.project, q);
  }
  const byProject = [...projects.values()].map((p) => ({ ...p, rate: rate(p.complete, p.complete + p.incomplete) }));

  const missing = new Map<string, number>();
  for (const m of missingTallies) missing.set(m.name, (missing.get(m.name) ?? 0) + m.files);
  const missingTop = [...missing.entries()]
    .filter(([, count]) => count > 0)
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, TOP_MISSING);

  const inPeriod = new Set(months);
  const periodAdded = addedTallies.filter((r) => inPeriod.has(r.month) && r.records > 0);
  const classes = [...new Set(periodAdded.map((r) => r.className))].sort((a, b) => a.localeCompare(b));
  const addedByMonth: MonthByClass[] = months.map((month) => {
    const counts: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
    for (const r of periodAdded) if (r.month === month) counts[r.className]! += r.records;
    return { month, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });

  const clientFiles = byPlace.reduce((n, p) => n + p.complete + p.incomplete, 0);
  const complete = byPlace.reduce((n, p) => n + p.complete, 0);
  return {
    clientFiles,
    complete,
    incomplete: clientFiles - complete,
    completeRate: rate(complete, clientFiles),
    byPlace,
    byProject,
    missingTop,
    classes,
    addedByMonth,
    added: periodAdded.reduce((n, r) => n + r.records, 0),
  };
}

export type ArchiveStats = ReturnType<typeof aggregateArchiveStats>;
