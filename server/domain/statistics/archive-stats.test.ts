import { describe, expect, it } from "vitest";
import { aggregateArchiveStats, TOP_MISSING, type AddedTally, type MissingTally, type PlaceTally } from "./archive-stats";

describe("aggregateArchiveStats", () => {
  // Tallies as the database keeps them: per place id and visibility, so one name may come twice.
  const places: PlaceTally[] = [
    { projectId: "p1", project: "滨江花园", building: "1号楼", files: 1, complete: 1 },
    { projectId: "p1", project: "滨江花园", building: "1号楼", files: 1, complete: 0 },
    { projectId: "p1", project: "滨江花园", building: "2号楼", files: 1, complete: 0 },
    { projectId: "p2", project: "翠湖苑", building: null, files: 1, complete: 1 },
    { projectId: "p2", project: "翠湖苑", building: "3号楼", files: 0, complete: 0 }, // every file of it left
  ];
  const missing: MissingTally[] = [
    { name: "购房合同", files: 1 },
    { name: "身份证复印件", files: 1 },
    { name: "购房合同", files: 1 },
    { name: "户口本", files: 0 },
  ];
  const added: AddedTally[] = [
    { month: "2026-03", className: "客户档案", records: 1 },
    { month: "2026-04", className: "客户档案", records: 1 },
    { month: "2026-04", className: "工程档案", records: 1 },
    { month: "2026-05", className: "工程档案", records: 1 }, // outside the period
  ];
  const s = aggregateArchiveStats(places, missing, added, ["2026-03", "2026-04"]);

  it("counts complete and incomplete client files per project and building", () => {
    expect(s.byPlace.map((p) => [p.project, p.building, p.complete, p.incomplete, p.rate.percent])).toEqual([
      ["滨江花园", "1号楼", 1, 1, "50.0"],
      ["滨江花园", "2号楼", 0, 1, "0.0"],
      ["翠湖苑", null, 1, 0, "100.0"],
    ]);
    expect([s.clientFiles, s.complete, s.incomplete, s.completeRate.percent]).toEqual([4, 2, 2, "50.0"]);
  });

  it("rolls the places up per project, counting the buildings that have files", () => {
    expect(s.byProject.map((p) => [p.projectId, p.project, p.buildings, p.complete, p.incomplete, p.rate.percent])).toEqual([
      ["p1", "滨江花园", 2, 1, 2, "33.3"],
      ["p2", "翠湖苑", 0, 1, 0, "100.0"],
    ]);
  });

  it("ranks the missing checklist items by the number of files lacking them", () => {
    expect(s.missingTop).toEqual([
      { name: "购房合同", count: 2 },
      { name: "身份证复印件", count: 1 },
    ]);
    const many = Array.from({ length: 15 }, (_, i) => ({ name: `item${String(i).padStart(2, "0")}`, files: 1 }));
    expect(aggregateArchiveStats([], many, [], []).missingTop).toHaveLength(TOP_MISSING);
  });

  it("counts records added per Shanghai month and class", () => {
    expect(s.classes).toEqual(["客户档案", "工程档案"].sort((a, b) => a.localeCompare(b)));
    expect(s.addedByMonth).toEqual([
      { month: "2026-03", counts: { 客户档案: 1, 工程档案: 0 }, total: 1 },
      { month: "2026-04", counts: { 客户档案: 1, 工程档案: 1 }, total: 2 },
    ]);
    expect(s.added).toBe(3);
  });
});
