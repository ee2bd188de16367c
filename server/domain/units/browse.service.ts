import type { Db } from "../../db/client";
import { ZBrowseUnits, type TBrowseUnits } from "./units.schema";

// 项目 → 楼栋 → 房号: the way into a unit page without a search term, in shelving order.

export async function browseUnits(db: Db, raw: TBrowseUnits) {
  const input = ZBrowseUnits.parse(raw);
  const projects = await db.project.findMany({
    where: { isActive: true },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, buildings: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true, _count: { select: { units: true } } } } },
  });
  const project = projects.find((p) => p.id === input.projectId) ?? projects[0] ?? null;
  const building = project?.buildings.find((b) => b.id === input.buildingId) ?? project?.buildings[0] ?? null;
  const units = building
    ? await db.unit.findMany({
        where: { buildingId: building.id },
        orderBy: [{ floor: "desc" }, { number: "asc" }],
        select: { id: true, number: true, floor: true, owners: { orderBy: [{ since: "asc" }, { clientId: "asc" }], select: { client: { select: { name: true } } } } },
      })
    : [];
  return {
    projects: projects.map((p) => ({ id: p.id, code: p.code, name: p.name, buildings: p.buildings.map((b) => ({ id: b.id, name: b.name, units: b._count.units })) })),
    projectId: project?.id ?? null,
    buildingId: building?.id ?? null,
    units: units.map((u) => ({ id: u.id, number: u.number, floor: u.floor, owners: u.owners.map((o) => o.client.name) })),
  };
}
