// Projects (项目/楼盘) → buildings (楼号) → units (房号): the shelving order of client files.
import type { Tx } from "../../server/db/tx";
import { generateUnitNumbers } from "../../server/domain/org/unit-numbers";

export type BuildingSeed = {
  code: string;
  name: string;
  sortOrder: number;
  floors: number;
  unitsPerFloor: number;
  /** Floor area per unit index on a floor (exact decimals); null where the survey is not in yet. */
  areasByIndex: readonly string[] | null;
};

export type ProjectSeed = { code: string; name: string; city: string; address: string; buildings: readonly BuildingSeed[] };

export const PROJECTS: readonly ProjectSeed[] = [
  {
    code: "HJY",
    name: "华景园",
    city: "广州市",
    address: "广州市天河区华景路 18 号",
    // No 4栋: the developer skipped the number, as many Guangzhou estates do.
    buildings: [
      { code: "1", name: "1栋", sortOrder: 1, floors: 18, unitsPerFloor: 4, areasByIndex: ["89.50", "76.25", "76.25", "89.50"] },
      { code: "2", name: "2栋", sortOrder: 2, floors: 18, unitsPerFloor: 4, areasByIndex: ["89.50", "76.25", "76.25", "89.50"] },
      { code: "3", name: "3栋", sortOrder: 3, floors: 26, unitsPerFloor: 4, areasByIndex: ["118.36", "98.72", "98.72", "118.36"] },
      { code: "5", name: "5栋", sortOrder: 5, floors: 26, unitsPerFloor: 4, areasByIndex: null },
    ],
  },
  {
    code: "JHW",
    name: "锦湖湾",
    city: "广州市",
    address: "广州市番禺区汉溪大道东 289 号",
    buildings: [
      { code: "1", name: "1栋", sortOrder: 1, floors: 32, unitsPerFloor: 3, areasByIndex: ["128.60", "105.05", "128.60"] },
      { code: "2", name: "2栋", sortOrder: 2, floors: 32, unitsPerFloor: 3, areasByIndex: ["128.60", "105.05", "128.60"] },
      { code: "3", name: "3栋", sortOrder: 3, floors: 11, unitsPerFloor: 2, areasByIndex: ["143.80", "156.18"] },
    ],
  },
];

/** Units of a building in generation order, with their area where one is known. */
export function buildingUnits(b: BuildingSeed): { number: string; floor: number; areaSqm: string | null }[] {
  return generateUnitNumbers(1, b.floors, b.unitsPerFloor).map((u) => ({
    ...u,
    areaSqm: b.areasByIndex ? (b.areasByIndex[Number(u.number.slice(-2)) - 1] ?? null) : null,
  }));
}

export type ProjectsSeedResult = { projects: number; buildings: number; units: number };

/** Creates missing projects, buildings and units by their natural keys; never alters existing rows. */
export async function seedProjects(tx: Tx, projects: readonly ProjectSeed[] = PROJECTS): Promise<ProjectsSeedResult> {
  const created: ProjectsSeedResult = { projects: 0, buildings: 0, units: 0 };
  created.projects += (
    await tx.project.createMany({
      data: projects.map((p) => ({ code: p.code, name: p.name, city: p.city, address: p.address })),
      skipDuplicates: true,
    })
  ).count;
  const projectRows = await tx.project.findMany({ where: { code: { in: projects.map((p) => p.code) } }, select: { id: true, code: true } });
  const projectId = new Map(projectRows.map((p) => [p.code, p.id]));

  for (const p of projects) {
    const pid = projectId.get(p.code)!;
    created.buildings += (
      await tx.building.createMany({
        data: p.buildings.map((b) => ({ projectId: pid, code: b.code, name: b.name, sortOrder: b.sortOrder })),
        skipDuplicates: true,
      })
    ).count;
    const buildingRows = await tx.building.findMany({ where: { projectId: pid }, select: { id: true, code: true } });
    const buildingId = new Map(buildingRows.map((b) => [b.code, b.id]));
    for (const b of p.buildings) {
      const bid = buildingId.get(b.code)!;
      created.units += (
        await tx.unit.createMany({
          data: buildingUnits(b).map((u) => ({ buildingId: bid, number: u.number, floor: u.floor, areaSqm: u.areaSqm })),
          skipDuplicates: true,
        })
      ).count;
    }
  }
  return created;
}

/** Resolves "HJY/1/0101"-style keys to unit ids. */
export async function unitIdsByKey(tx: Tx, keys: readonly string[]): Promise<Map<string, string>> {
  const projectCodes = [...new Set(keys.map((k) => k.split("/")[0]!))];
  const rows = await tx.unit.findMany({
    where: { building: { project: { code: { in: projectCodes } } } },
    select: { id: true, number: true, building: { select: { code: true, project: { select: { code: true } } } } },
  });
  const all = new Map(rows.map((u) => [`${u.building.project.code}/${u.building.code}/${u.number}`, u.id]));
  const out = new Map<string, string>();
  for (const k of keys) {
    const id = all.get(k);
    if (!id) throw new Error(`seed: unit ${k} not found`);
    out.set(k, id);
  }
  return out;
}
