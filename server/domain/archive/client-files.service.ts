import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { visibleRecordsWhere } from "./archive.policy";
import type { TClientFiles } from "./archive.schema";
import { checkCompleteness, type ChecklistEntry, type Condition } from "./completeness";
import { locationOf } from "./records.select";

// 客户档案 in shelving order: project → building (sortOrder) → unit (floor, number) [000, 004].
// Completeness is computed in bulk — one query for the checklists, one for the page's (or, with
// "incomplete only", the candidates') paper items — never one query per row.

// Prisma orders by to-one relations; files without a unit sort after those with one.
const SHELVING_ORDER: Prisma.ArchiveRecordOrderByWithRelationInput[] = [
  { project: { code: "asc" } },
  { building: { sortOrder: "asc" } },
  { unit: { floor: "asc" } },
  { unit: { number: "asc" } },
  { archiveNo: "asc" },
];

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

type Light = { id: string; classId: string; conditions: Condition[]; client: { kind: "individual" | "company" } | null };

async function checklistsByClass(db: Db, classIds: string[]) {
  const items = await db.checklistItem.findMany({
    where: { classId: { in: classIds }, isActive: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { classId: true, name: true, requiredCount: true, condition: true },
  });
  const by = new Map<string, ChecklistEntry[]>();
  for (const i of items) by.set(i.classId, [...(by.get(i.classId) ?? []), i]);
  return by;
}

/** `scope`: the records' own filter when all candidates are checked (a join, not a huge IN list). */
export async function completenessOf(db: Db, rows: Light[], scope?: Prisma.ArchiveRecordWhereInput) {
  const ids = rows.map((r) => r.id);
  const [lists, paper] = await Promise.all([
    checklistsByClass(db, [...new Set(rows.map((r) => r.classId))]),
    ids.length ? db.archivePaperItem.findMany({ where: scope ? { record: scope } : { recordId: { in: ids } }, select: { recordId: true, name: true, count: true } }) : [],
  ]);
  const papersBy = new Map<string, { name: string; count: number }[]>();
  for (const p of paper) papersBy.set(p.recordId, [...(papersBy.get(p.recordId) ?? []), p]);
  return new Map(
    rows.map((r) => {
      const c = checkCompleteness(lists.get(r.classId) ?? [], r.client?.kind ?? null, r.conditions, papersBy.get(r.id) ?? []);
      return [r.id, { percent: c.percent, missing: c.missing.map((m) => m.name) }] as const;
    }),
  );
}

export async function listClientFiles(db: Db, roles: readonly Role[], input: TClientFiles) {
  const where: Prisma.ArchiveRecordWhereInput = {
    archiveClass: { isClientFile: true },
    ...visibleRecordsWhere(roles),
    ...(input.projectId ? { projectId: input.projectId } : {}),
    ...(input.buildingId ? { buildingId: input.buildingId } : {}),
  };
  const lightSelect = { id: true, classId: true, conditions: true, client: { select: { kind: true } } } as const;
  let pageIds: string[];
  let total: number;
  let stats: Awaited<ReturnType<typeof completenessOf>>;
  if (input.incompleteOnly) {
    // The filter depends on computed completeness, so every candidate is checked (light columns
    // only), then the page is cut. Client files number in the thousands per project, not millions.
    const all = (await db.archiveRecord.findMany({ where, orderBy: SHELVING_ORDER, select: lightSelect })) as Light[];
    const full = await completenessOf(db, all, where);
    const incomplete = all.filter((r) => full.get(r.id)!.percent < 100);
    total = incomplete.length;
    pageIds = incomplete.slice((input.page - 1) * input.pageSize, input.page * input.pageSize).map((r) => r.id);
    stats = full;
  } else {
    const [count, light] = await Promise.all([
      db.archiveRecord.count({ where }),
      db.archiveRecord.findMany({ where, orderBy: SHELVING_ORDER, skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: lightSelect }),
    ]);
    total = count;
    pageIds = light.map((r) => r.id);
    stats = await completenessOf(db, light as Light[]);
  }
  const rows = pageIds.length ? await db.archiveRecord.findMany({ where: { id: { in: pageIds } }, orderBy: SHELVING_ORDER, select: rowSelect }) : [];
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    rows: rows.map((r) => ({ ...r, location: locationOf(r), ...stats.get(r.id)! })),
  };
}
