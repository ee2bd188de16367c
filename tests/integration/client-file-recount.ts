import type { Db } from "../../server/db/client";
import type { Role } from "../../server/auth/roles";
import { canSeeSecret } from "../../server/domain/archive/archive.policy";
import { checkCompleteness, type Condition } from "../../server/domain/archive/completeness";
import { aggregateArchiveStats } from "../../server/domain/statistics/archive-stats";
import { shanghaiMonthOf } from "../../server/domain/statistics/months";

// The reference the kept summaries are checked against: every client file read into Node and
// checked with checkCompleteness() (what the record page shows), every record's month counted
// with shanghaiMonthOf(). Slow by design; tests only.

const NIL = "00000000-0000-0000-0000-000000000000";

export async function recountClientFiles(db: Db) {
  const [records, lists, paper] = await Promise.all([
    db.archiveRecord.findMany({
      where: { archiveClass: { isClientFile: true } },
      select: {
        id: true,
        classId: true,
        projectId: true,
        buildingId: true,
        unitId: true,
        archiveNo: true,
        conditions: true,
        confidentiality: true,
        client: { select: { kind: true } },
        project: { select: { code: true, name: true } },
        building: { select: { sortOrder: true, name: true } },
        unit: { select: { floor: true, number: true } },
      },
    }),
    db.checklistItem.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { classId: true, name: true, requiredCount: true, condition: true } }),
    db.archivePaperItem.findMany({ select: { recordId: true, name: true, count: true } }),
  ]);
  return records.map((r) => {
    const c = checkCompleteness(
      lists.filter((l) => l.classId === r.classId),
      r.client?.kind ?? null,
      r.conditions as Condition[],
      paper.filter((p) => p.recordId === r.id),
    );
    return {
      recordId: r.id,
      classId: r.classId,
      projectId: r.projectId,
      buildingId: r.buildingId,
      unitId: r.unitId,
      isSecret: r.confidentiality === "secret",
      complete: c.percent === 100,
      percent: c.percent,
      missing: c.missing.map((m) => m.name),
      projectCode: r.project?.code ?? null,
      buildingSort: r.building?.sortOrder ?? null,
      unitFloor: r.unit?.floor ?? null,
      unitNumber: r.unit?.number ?? null,
      archiveNo: r.archiveNo,
      projectName: r.project?.name ?? "—",
      buildingName: r.building?.name ?? null,
    };
  });
}

export type RecountedFile = Awaited<ReturnType<typeof recountClientFiles>>[number];

const visible = (roles: readonly Role[]) => (f: { isSecret: boolean }) => canSeeSecret(roles) || !f.isSecret;

/** What the kept tallies must hold: non-zero rows only, keyed as the tables key them. */
export function expectedTallies(files: RecountedFile[]) {
  const places = new Map<string, { projectId: string; buildingId: string; isSecret: boolean; files: number; complete: number }>();
  const missing = new Map<string, { projectId: string; isSecret: boolean; name: string; files: number }>();
  for (const f of files) {
    const p = { projectId: f.projectId ?? NIL, buildingId: f.buildingId ?? NIL, isSecret: f.isSecret };
    const k = JSON.stringify(p);
    const row = places.get(k) ?? { ...p, files: 0, complete: 0 };
    row.files++;
    if (f.complete) row.complete++;
    places.set(k, row);
    for (const name of new Set(f.missing)) {
      const m = { projectId: f.projectId ?? NIL, isSecret: f.isSecret, name };
      const mk = JSON.stringify(m);
      missing.set(mk, { ...m, files: (missing.get(mk)?.files ?? 0) + 1 });
    }
  }
  const sort = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return { places: sort([...places.values()]), missing: sort([...missing.values()]) };
}

export async function keptTallies(db: Db) {
  const [places, missing] = await Promise.all([
    db.clientFileTally.findMany({ where: { OR: [{ files: { not: 0 } }, { complete: { not: 0 } }] }, select: { projectId: true, buildingId: true, isSecret: true, files: true, complete: true } }),
    db.clientFileMissingTally.findMany({ where: { files: { not: 0 } }, select: { projectId: true, isSecret: true, name: true, files: true } }),
  ]);
  const sort = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return { places: sort(places), missing: sort(missing) };
}

export async function keptStates(db: Db) {
  const rows = await db.clientFileState.findMany({ orderBy: { recordId: "asc" } });
  return rows.map((r) => ({ ...r, missing: r.missing }));
}

export function statesOf(files: RecountedFile[]) {
  return files
    .map(({ projectName: _p, buildingName: _b, ...f }) => f)
    .sort((a, b) => (a.recordId < b.recordId ? -1 : 1));
}

/** The records added per Shanghai month, class, project and visibility. */
export async function recountMonths(db: Db) {
  const rows = await db.archiveRecord.findMany({ select: { createdAt: true, classId: true, projectId: true, confidentiality: true } });
  const by = new Map<string, number>();
  for (const r of rows) {
    const k = JSON.stringify({ month: shanghaiMonthOf(r.createdAt), classId: r.classId, projectId: r.projectId ?? NIL, isSecret: r.confidentiality === "secret" });
    by.set(k, (by.get(k) ?? 0) + 1);
  }
  return [...by].map(([k, records]) => JSON.stringify({ ...JSON.parse(k), records })).sort();
}

export async function keptMonths(db: Db) {
  const rows = await db.archiveMonthTally.findMany({ where: { records: { not: 0 } }, select: { month: true, classId: true, projectId: true, isSecret: true, records: true } });
  return rows.map((r) => JSON.stringify(r)).sort();
}

/** The 客户档案 list in shelving order (NULLS LAST, code-point order as C.UTF-8 sorts). */
export function shelved(files: RecountedFile[], roles: readonly Role[], filter: { projectId?: string; buildingId?: string; incompleteOnly?: boolean } = {}) {
  const cmp = <T extends string | number>(a: T | null, b: T | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return files
    .filter(visible(roles))
    .filter((f) => (!filter.projectId || f.projectId === filter.projectId) && (!filter.buildingId || f.buildingId === filter.buildingId) && (!filter.incompleteOnly || !f.complete))
    .sort((a, b) => cmp(a.projectCode, b.projectCode) || cmp(a.buildingSort, b.buildingSort) || cmp(a.unitFloor, b.unitFloor) || cmp(a.unitNumber, b.unitNumber) || cmp(a.archiveNo, b.archiveNo))
    .map((f) => ({ id: f.recordId, percent: f.percent, missing: f.missing }));
}

/** archiveStatistics()'s completeness part, from the recount. */
export function statisticsOf(files: RecountedFile[], roles: readonly Role[], projectId?: string) {
  const mine = files.filter(visible(roles)).filter((f) => !projectId || f.projectId === projectId);
  const s = aggregateArchiveStats(
    mine.map((f) => ({ project: f.projectName, building: f.buildingName, files: 1, complete: f.complete ? 1 : 0 })),
    mine.flatMap((f) => [...new Set(f.missing)].map((name) => ({ name, files: 1 }))),
    [],
    [],
  );
  return { clientFiles: s.clientFiles, complete: s.complete, incomplete: s.incomplete, byPlace: s.byPlace, missingTop: s.missingTop };
}
