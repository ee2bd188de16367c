import { beforeAll, describe, expect, it } from "vitest";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 项目楼盘: project → building → unit, through the admin router.
const t = useTestDatabase();
let asAdmin: Caller;

beforeAll(async () => {
  asAdmin = (await signedInAs(t.db, ["admin"])).caller;
});

const counts = async () => ({ projects: await t.db.project.count(), buildings: await t.db.building.count(), units: await t.db.unit.count(), audit: await t.db.auditLog.count() });

describe("projects", () => {
  it("creates a project with an upper-cased code and an audit entry", async () => {
    const p = await asAdmin.admin.createProject({ code: " hj-01 ", name: "华景花园", city: "广州", address: "天河区华景路 1 号" });
    expect(p).toMatchObject({ code: "HJ-01", name: "华景花园", city: "广州", isActive: true });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "project.create", entityId: p.id } });
    expect(entry.after).toMatchObject({ code: "HJ-01", name: "华景花园" });
  });

  it("refuses a code already used (in any case) as PROJECT_CODE_TAKEN, changing nothing", async () => {
    const before = await counts();
    const r = await refusalOf(asAdmin.admin.createProject({ code: "HJ-01", name: "重复" }));
    expect([r.code, r.domainCode, r.message]).toEqual(["CONFLICT", "PROJECT_CODE_TAKEN", "项目编码 HJ-01 已存在。"]);
    expect((await refusalOf(asAdmin.admin.createProject({ code: "hj-01", name: "重复" }))).domainCode).toBe("PROJECT_CODE_TAKEN");
    expect(await counts()).toEqual(before);
  });

  it("refuses a code with other characters", async () => {
    const r = await refusalOf(asAdmin.admin.createProject({ code: "华景", name: "x" }));
    expect(r.fieldErrors).toEqual({ code: "只能包含字母、数字、下划线或短横线" });
  });

  it("updates a project, auditing before and after", async () => {
    const p = await asAdmin.admin.createProject({ code: "UPD-1", name: "旧名" });
    const after = await asAdmin.admin.updateProject({ projectId: p.id, name: "新名", isActive: false });
    expect(after).toMatchObject({ code: "UPD-1", name: "新名", isActive: false });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "project.update", entityId: p.id } });
    expect(entry.before).toMatchObject({ name: "旧名", isActive: true });
    expect(entry.after).toMatchObject({ name: "新名", isActive: false });
  });
});

describe("buildings and units", () => {
  let projectId: string;
  let buildingId: string;
  let otherBuildingId: string;

  beforeAll(async () => {
    projectId = (await asAdmin.admin.createProject({ code: "HJ-02", name: "华景新城" })).id;
    buildingId = (await asAdmin.admin.createBuilding({ projectId, code: "1", name: "1 栋", sortOrder: 1 })).id;
    otherBuildingId = (await asAdmin.admin.createBuilding({ projectId, code: "2", name: "2 栋", sortOrder: 2 })).id;
  });

  it("refuses a building in a project that does not exist", async () => {
    const r = await refusalOf(asAdmin.admin.createBuilding({ projectId: "7d3f6a3e-5b8c-4a8e-9a47-0d1e2f3a4b5c", code: "9", name: "9 栋" }));
    expect(r.code).toBe("NOT_FOUND");
  });

  it("refuses a second building with the same code in the project", async () => {
    const r = await refusalOf(asAdmin.admin.createBuilding({ projectId, code: "1", name: "又一个 1 栋" }));
    expect([r.code, r.domainCode, r.message]).toEqual(["CONFLICT", "BUILDING_CODE_TAKEN", "楼号 1 在该项目中已存在。"]);
  });

  it("creates a unit with an exact decimal area", async () => {
    const u = await asAdmin.admin.createUnit({ buildingId, number: "0101", floor: 1, areaSqm: "89.50" });
    expect(u).toMatchObject({ number: "0101", floor: 1, areaSqm: "89.5" });
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "unit.create", entityId: u.id } });
    expect(entry.after).toMatchObject({ number: "0101", areaSqm: "89.5" });
  });

  it("refuses a unit number already in the building as UNIT_NUMBER_TAKEN, changing nothing", async () => {
    const before = await counts();
    const r = await refusalOf(asAdmin.admin.createUnit({ buildingId, number: "0101" }));
    expect([r.code, r.domainCode, r.message]).toEqual(["CONFLICT", "UNIT_NUMBER_TAKEN", "房号 0101 在该楼栋中已存在。"]);
    expect(await counts()).toEqual(before);
  });

  it("allows the same unit number in another building", async () => {
    await expect(asAdmin.admin.createUnit({ buildingId: otherBuildingId, number: "0101" })).resolves.toMatchObject({ number: "0101" });
  });

  it("refuses an area with three decimals", async () => {
    const r = await refusalOf(asAdmin.admin.createUnit({ buildingId, number: "0199", areaSqm: "89.555" }));
    expect(r.fieldErrors).toEqual({ areaSqm: "最多两位小数" });
  });

  it("generates the floor × unit grid, skipping numbers that exist", async () => {
    await asAdmin.admin.createUnit({ buildingId, number: "0202", floor: 2 });
    // 0101 and 0202 exist: 3 floors × 2 units = 6 wanted, 4 new.
    expect(await asAdmin.admin.generateUnits({ buildingId, fromFloor: 1, toFloor: 3, unitsPerFloor: 2 })).toEqual({ created: 4, skipped: 2 });
    const units = await asAdmin.admin.listUnits({ buildingId });
    expect(units.map((u) => u.number)).toEqual(["0101", "0102", "0201", "0202", "0301", "0302"]);
    expect(units.find((u) => u.number === "0301")?.floor).toBe(3);

    // Run again: nothing new, nothing duplicated.
    expect(await asAdmin.admin.generateUnits({ buildingId, fromFloor: 1, toFloor: 3, unitsPerFloor: 2 })).toEqual({ created: 0, skipped: 6 });
    expect(await t.db.unit.count({ where: { buildingId } })).toBe(6);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "unit.generate", entityId: buildingId }, orderBy: { id: "desc" } });
    expect(entry.after).toMatchObject({ created: 0, skipped: 6 });
  });

  it("refuses a floor range that runs backwards", async () => {
    const r = await refusalOf(asAdmin.admin.generateUnits({ buildingId, fromFloor: 5, toFloor: 2, unitsPerFloor: 2 }));
    expect(r.fieldErrors).toEqual({ toFloor: "结束楼层不能小于起始楼层" });
  });

  it("counts buildings and units per project", async () => {
    const p = await asAdmin.admin.getProject({ projectId });
    expect(p.buildings.map((b) => [b.code, b.unitCount])).toEqual([["1", 6], ["2", 1]]);
    const listed = (await asAdmin.admin.listProjects()).find((x) => x.id === projectId);
    expect(listed).toMatchObject({ code: "HJ-02", buildingCount: 2, unitCount: 7 });
  });
});
