import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { visibleRecordsWhere } from "../archive/archive.policy";
import { completenessOf } from "../archive/client-files.service";
import type { Condition } from "../archive/completeness";
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

/** Client files this viewer may see (机密 only for its readers), optionally of one project. */
export function clientFilesWhere(roles: readonly Role[], projectId?: string): Prisma.ArchiveRecordWhereInput {
  return { archiveClass: { isClientFile: true }, ...visibleRecordsWhere(roles), ...(projectId ? { projectId } : {}) };
}

/** Completeness of every visible client file (light columns, checklists and paper items in bulk). */
export async function clientFileCompleteness(db: Db, roles: readonly Role[], projectId?: string) {
  const where = clientFilesWhere(roles, projectId);
  const files = await db.archiveRecord.findMany({
    where,
    select: { id: true, classId: true, conditions: true, client: { select: { kind: true } }, project: { select: { name: true } }, building: { select: { name: true } } },
  });
  const light = files.map((f) => ({ id: f.id, classId: f.classId, conditions: f.conditions as Condition[], client: f.client }));
  const checked = await completenessOf(db, light, where);
  return files.map((f) => ({ project: f.project?.name ?? "—", building: f.building?.name ?? null, ...checked.get(f.id)! }));
}

export async function archiveStatistics(db: Db, roles: readonly Role[], raw: TStatsPeriod) {
  const input = ZStatsPeriod.parse(raw);
  const months = monthsBetween(input.from, input.to);
  const { start, end } = monthRange(input.from, input.to);
  const [files, added, projects] = await Promise.all([
    clientFileCompleteness(db, roles, input.projectId),
    db.archiveRecord.findMany({
      where: { createdAt: { gte: start, lt: end }, ...visibleRecordsWhere(roles), ...(input.projectId ? { projectId: input.projectId } : {}) },
      select: { createdAt: true, archiveClass: { select: { name: true } } },
    }),
    projectOptions(db),
  ]);
  const stats = aggregateArchiveStats(files, added.map((r) => ({ createdAt: r.createdAt, className: r.archiveClass.name })), months);
  return { ...stats, from: input.from, to: input.to, projectId: input.projectId ?? null, projects };
}

export type ArchiveStatistics = Awaited<ReturnType<typeof archiveStatistics>>;
