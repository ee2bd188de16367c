import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { dateOfDay, dayOf } from "../archive/retention";
import { visibleRecordsWhere } from "../archive/archive.policy";
import { completenessOf } from "../archive/client-files.service";
import type { Condition } from "../archive/completeness";
import { aggregateLoanStats } from "./loan-stats";
import { aggregateArchiveStats } from "./archive-stats";
import { monthRange, monthsBetween } from "./months";
import { ZStatsPeriod, type TStatsPeriod } from "./statistics.schema";

// Reads the rows of a period for the loan and archive statistics; loan-stats.ts and
// archive-stats.ts add them up. Page, procedure and export share these two functions.

export async function projectOptions(db: Db) {
  return db.project.findMany({ where: { isActive: true }, orderBy: { code: "asc" }, select: { id: true, name: true } });
}

export async function loanStatistics(db: Db, raw: TStatsPeriod, now = new Date()) {
  const input = ZStatsPeriod.parse(raw);
  const months = monthsBetween(input.from, input.to);
  const { start, end, firstDay, lastDay } = monthRange(input.from, input.to);
  const project: Prisma.BorrowRequestWhereInput = input.projectId ? { items: { some: { record: { projectId: input.projectId } } } } : {};
  // Lent, returned, or due in the period: the three things the statistics count (indexed columns).
  const rows = await db.borrowRequest.findMany({
    where: {
      AND: [
        project,
        {
          OR: [
            { lentAt: { gte: start, lt: end } },
            { returnedAt: { gte: start, lt: end } },
            { lentAt: { not: null }, dueOn: { gte: dateOfDay(firstDay), lte: dateOfDay(lastDay) } },
          ],
        },
      ],
    },
    select: {
      borrowType: true,
      status: true,
      lentAt: true,
      returnedAt: true,
      dueOn: true,
      items: { select: { record: { select: { projectId: true, archiveClass: { select: { name: true } } } } } },
    },
  });
  const stats = aggregateLoanStats(
    rows.map((r) => ({
      borrowType: r.borrowType,
      status: r.status,
      lentAt: r.lentAt,
      returnedAt: r.returnedAt,
      dueOn: dayOf(r.dueOn),
      classes: r.items.filter((i) => !input.projectId || i.record.projectId === input.projectId).map((i) => i.record.archiveClass.name),
    })),
    months,
    now,
  );
  return { ...stats, from: input.from, to: input.to, projectId: input.projectId ?? null, projects: await projectOptions(db) };
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
