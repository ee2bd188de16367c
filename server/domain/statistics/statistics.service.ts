import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { NO_PLACE, tallyScope } from "./client-file-counts";
import { loanStatsOf } from "./loan-stats";
import { loanGroups } from "./loan-stats.read";
import { aggregateArchiveStats } from "./archive-stats";
import { monthRange, monthsBetween } from "./months";
import { ZStatsPeriod, type TStatsPeriod } from "./statistics.schema";

// The loan and archive statistics of a period: the database adds the loans up (loan-stats.read.ts);
// archive-stats.ts adds up the archive rows. Page, procedure and export share these two functions.

export async function projectOptions(db: Db) {
  return db.project.findMany({ where: { isActive: true }, orderBy: { code: "asc" }, select: { id: true, name: true } });
}

export async function loanStatistics(db: Db, raw: TStatsPeriod, now = new Date()) {
  const input = ZStatsPeriod.parse(raw);
  const months = monthsBetween(input.from, input.to);
  const [groups, projects] = await Promise.all([loanGroups(db, { ...monthRange(input.from, input.to), projectId: input.projectId }, now), projectOptions(db)]);
  return { ...loanStatsOf(groups, months), from: input.from, to: input.to, projectId: input.projectId ?? null, projects };
}

export type LoanStatistics = Awaited<ReturnType<typeof loanStatistics>>;

// Everything below reads the tallies the database keeps (ClientFileTally, ClientFileMissingTally,
// ArchiveMonthTally): a few rows per place, checklist item or month and class, never the records.
export async function archiveStatistics(db: Db, roles: readonly Role[], raw: TStatsPeriod) {
  const input = ZStatsPeriod.parse(raw);
  const months = monthsBetween(input.from, input.to);
  const scope = tallyScope(roles, input.projectId);
  const [places, missing, added, projects] = await Promise.all([
    db.clientFileTally.findMany({ where: { ...scope, files: { gt: 0 } }, select: { projectId: true, buildingId: true, files: true, complete: true } }),
    db.clientFileMissingTally.groupBy({ by: ["name"], where: { ...scope, files: { gt: 0 } }, _sum: { files: true } }),
    db.archiveMonthTally.groupBy({ by: ["month", "classId"], where: { ...scope, month: { gte: input.from, lte: input.to } }, _sum: { records: true } }),
    projectOptions(db),
  ]);
  const ids = (xs: string[]) => [...new Set(xs)].filter((id) => id !== NO_PLACE);
  const [projectNames, buildingNames, classNames] = await Promise.all([
    db.project.findMany({ where: { id: { in: ids(places.map((p) => p.projectId)) } }, select: { id: true, name: true } }),
    db.building.findMany({ where: { id: { in: ids(places.map((p) => p.buildingId)) } }, select: { id: true, name: true } }),
    db.archiveClass.findMany({ where: { id: { in: ids(added.map((a) => a.classId)) } }, select: { id: true, name: true } }),
  ]);
  const name = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  const [pn, bn, cn] = [name(projectNames), name(buildingNames), name(classNames)];
  const stats = aggregateArchiveStats(
    places.map((p) => ({ projectId: p.projectId === NO_PLACE ? undefined : p.projectId, project: pn.get(p.projectId) ?? "—", building: bn.get(p.buildingId) ?? null, files: p.files, complete: p.complete })),
    missing.map((m) => ({ name: m.name, files: m._sum.files ?? 0 })),
    added.map((a) => ({ month: a.month, className: cn.get(a.classId) ?? "—", records: a._sum.records ?? 0 })),
    months,
  );
  return { ...stats, from: input.from, to: input.to, projectId: input.projectId ?? null, projects };
}

export type ArchiveStatistics = Awaited<ReturnType<typeof archiveStatistics>>;
