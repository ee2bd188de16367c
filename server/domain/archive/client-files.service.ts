import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { clientFileCompletenessCounts } from "../statistics/client-file-counts";
import { canSeeSecret } from "./archive.policy";
import type { TClientFiles } from "./archive.schema";
import { locationOf } from "./records.select";

// 客户档案 in shelving order: project → building (sortOrder) → unit (floor, number) → 档号 [000, 004].
// Each file's completeness is kept by the database (ClientFileState, see prisma/schema.prisma)
// together with those sort keys, so a page — also of the incomplete files only — is a walk of one
// index that stops after pageSize rows, and the total is the sum of the per-place tallies.
// Files without a unit (or building, project) sort after those with one, as NULLS LAST does.

const rowSelect = {
  id: true,
  archiveNo: true,
  title: true,
  status: true,
  confidentiality: true,
  cabinet: true,
  shelf: true,
  box: true,
  archiveClass: { select: { code: true, name: true } },
  project: { select: { name: true } },
  building: { select: { name: true } },
  unit: { select: { id: true, number: true } },
  client: { select: { name: true } },
} satisfies Prisma.ArchiveRecordSelect;

/** The shelving order; the keys a filter fixes are left out, so the filter's index serves the rest. */
function shelvingOrder(input: TClientFiles): Prisma.ClientFileStateOrderByWithRelationInput[] {
  const rest: Prisma.ClientFileStateOrderByWithRelationInput[] = [{ unitFloor: "asc" }, { unitNumber: "asc" }, { archiveNo: "asc" }, { recordId: "asc" }];
  if (input.buildingId) return rest;
  if (input.projectId) return [{ buildingSort: "asc" }, ...rest];
  return [{ projectCode: "asc" }, { buildingSort: "asc" }, ...rest];
}

async function totalOf(db: Db, roles: readonly Role[], input: TClientFiles): Promise<number> {
  if (!input.buildingId) {
    const c = await clientFileCompletenessCounts(db, roles, input.projectId);
    return input.incompleteOnly ? c.files - c.complete : c.files;
  }
  const sum = await db.clientFileTally.aggregate({
    where: { buildingId: input.buildingId, ...(input.projectId ? { projectId: input.projectId } : {}), ...(canSeeSecret(roles) ? {} : { isSecret: false }) },
    _sum: { files: true, complete: true },
  });
  const files = sum._sum.files ?? 0;
  return input.incompleteOnly ? files - (sum._sum.complete ?? 0) : files;
}

export async function listClientFiles(db: Db, roles: readonly Role[], input: TClientFiles) {
  const where: Prisma.ClientFileStateWhereInput = {
    ...(canSeeSecret(roles) ? {} : { isSecret: false }),
    ...(input.projectId ? { projectId: input.projectId } : {}),
    ...(input.buildingId ? { buildingId: input.buildingId } : {}),
    ...(input.incompleteOnly ? { complete: false } : {}),
  };
  const [total, page] = await Promise.all([
    totalOf(db, roles, input),
    db.clientFileState.findMany({
      where,
      orderBy: shelvingOrder(input),
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { recordId: true, percent: true, missing: true },
    }),
  ]);
  const found = page.length ? await db.archiveRecord.findMany({ where: { id: { in: page.map((p) => p.recordId) } }, select: rowSelect }) : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: page.flatMap((p) => {
      const r = byId.get(p.recordId);
      return r ? [{ ...r, location: locationOf(r), percent: p.percent, missing: p.missing }] : [];
    }),
  };
}
