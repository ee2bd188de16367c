import type { Db } from "../../db/client";
import { inTransaction, isUniqueViolation } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { generateUnitNumbers } from "./unit-numbers";
import type { TCreateBuilding, TCreateProject, TCreateUnit, TGenerateUnits, TUpdateProject } from "./org.schema";

const projectSelect = { id: true, code: true, name: true, city: true, address: true, isActive: true } as const;

export async function listProjects(db: Db) {
  const rows = await db.project.findMany({
    orderBy: { code: "asc" },
    select: { ...projectSelect, _count: { select: { buildings: true } } },
  });
  const unitCounts = await db.unit.groupBy({ by: ["buildingId"], _count: { _all: true } });
  const buildings = await db.building.findMany({ select: { id: true, projectId: true } });
  const perProject = new Map<string, number>();
  const byBuilding = new Map(unitCounts.map((u) => [u.buildingId, u._count._all]));
  for (const b of buildings) perProject.set(b.projectId, (perProject.get(b.projectId) ?? 0) + (byBuilding.get(b.id) ?? 0));
  return rows.map((p) => ({ ...p, buildingCount: p._count.buildings, unitCount: perProject.get(p.id) ?? 0 }));
}

export async function getProject(db: Db, projectId: string) {
  const p = await db.project.findUnique({
    where: { id: projectId },
    select: {
      ...projectSelect,
      buildings: {
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { id: true, code: true, name: true, sortOrder: true, _count: { select: { units: true } } },
      },
    },
  });
  if (!p) throw new DomainError("NOT_FOUND");
  return { ...p, buildings: p.buildings.map((b) => ({ ...b, unitCount: b._count.units })) };
}

export async function listUnits(db: Db, buildingId: string) {
  return db.unit.findMany({
    where: { buildingId },
    orderBy: [{ floor: "asc" }, { number: "asc" }],
    select: { id: true, number: true, floor: true, areaSqm: true, _count: { select: { owners: true } } },
  });
}

export async function createProject(db: Db, actor: Actor, input: TCreateProject) {
  try {
    return await inTransaction(db, async (tx) => {
      const p = await tx.project.create({ data: { code: input.code, name: input.name, city: input.city || null, address: input.address || null }, select: projectSelect });
      await writeAudit(tx, actor, { action: "project.create", entity: "Project", entityId: p.id, after: p });
      return p;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("PROJECT_CODE_TAKEN", { code: input.code });
    throw e;
  }
}

export async function updateProject(db: Db, actor: Actor, input: TUpdateProject) {
  return inTransaction(db, async (tx) => {
    const before = await tx.project.findUnique({ where: { id: input.projectId }, select: projectSelect });
    if (!before) throw new DomainError("NOT_FOUND");
    const after = await tx.project.update({
      where: { id: input.projectId },
      data: { name: input.name, city: input.city || null, address: input.address || null, isActive: input.isActive },
      select: projectSelect,
    });
    await writeAudit(tx, actor, { action: "project.update", entity: "Project", entityId: after.id, before, after });
    return after;
  });
}

export async function createBuilding(db: Db, actor: Actor, input: TCreateBuilding) {
  try {
    return await inTransaction(db, async (tx) => {
      const project = await tx.project.findUnique({ where: { id: input.projectId }, select: { id: true } });
      if (!project) throw new DomainError("NOT_FOUND");
      const b = await tx.building.create({
        data: { projectId: input.projectId, code: input.code, name: input.name, sortOrder: input.sortOrder },
        select: { id: true, projectId: true, code: true, name: true, sortOrder: true },
      });
      await writeAudit(tx, actor, { action: "building.create", entity: "Building", entityId: b.id, after: b });
      return b;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("BUILDING_CODE_TAKEN", { code: input.code });
    throw e;
  }
}

export async function createUnit(db: Db, actor: Actor, input: TCreateUnit) {
  try {
    return await inTransaction(db, async (tx) => {
      const building = await tx.building.findUnique({ where: { id: input.buildingId }, select: { id: true } });
      if (!building) throw new DomainError("NOT_FOUND");
      const u = await tx.unit.create({
        data: { buildingId: input.buildingId, number: input.number, floor: input.floor ?? null, areaSqm: input.areaSqm || null },
        select: { id: true, buildingId: true, number: true, floor: true, areaSqm: true },
      });
      const after = { ...u, areaSqm: u.areaSqm?.toString() ?? null };
      await writeAudit(tx, actor, { action: "unit.create", entity: "Unit", entityId: u.id, after });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("UNIT_NUMBER_TAKEN", { number: input.number });
    throw e;
  }
}

/** Adds the floor × unit grid; numbers that already exist are reported, not duplicated. */
export async function generateUnits(db: Db, actor: Actor, input: TGenerateUnits) {
  const wanted = generateUnitNumbers(input.fromFloor, input.toFloor, input.unitsPerFloor);
  return inTransaction(db, async (tx) => {
    const building = await tx.building.findUnique({ where: { id: input.buildingId }, select: { id: true } });
    if (!building) throw new DomainError("NOT_FOUND");
    const existing = new Set(
      (await tx.unit.findMany({ where: { buildingId: input.buildingId }, select: { number: true } })).map((u) => u.number),
    );
    const fresh = wanted.filter((w) => !existing.has(w.number));
    await tx.unit.createMany({ data: fresh.map((w) => ({ buildingId: input.buildingId, number: w.number, floor: w.floor })) });
    await writeAudit(tx, actor, {
      action: "unit.generate",
      entity: "Building",
      entityId: input.buildingId,
      after: { ...input, created: fresh.length, skipped: wanted.length - fresh.length },
    });
    return { created: fresh.length, skipped: wanted.length - fresh.length };
  });
}

export async function listDepartments(db: Db) {
  return db.department.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}
