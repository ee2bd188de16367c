import { describe, expect, it } from "vitest";
import { aggregateArchiveStats, TOP_MISSING, type ClientFileRow } from "./archive-stats";

const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);

describe("aggregateArchiveStats", () => {
  const files: ClientFileRow[] = [
    { project: "滨江花园", building: "1号楼", percent: 100, missing: [] },
    { project: "滨江花园", building: "1号楼", percent: 50, missing: ["购房合同", "身份证复印件"] },
    { project: "滨江花园", building: "2号楼", percent: 80, missing: ["购房合同"] },
    { project: "翠湖苑", building: null, percent: 100, missing: [] },
  ];
  const added = [
    { createdAt: sh("2026-03-31 23:30"), className: "客户档案" },
    { createdAt: sh("2026-04-01 00:10"), className: "客户档案" },
    { createdAt: sh("2026-04-02 09:00"), className: "工程档案" },
    { createdAt: sh("2026-05-01 09:00"), className: "工程档案" }, // outside the period
  ];
  const s = aggregateArchiveStats(files, added, ["2026-03", "2026-04"]);

  it("counts complete and incomplete client files per project and building", () => {
    expect(s.byPlace.map((p) => [p.project, p.building, p.complete, p.incomplete, p.rate.percent])).toEqual([
      ["滨江花园", "1号楼", 1, 1, "50.0"],
      ["滨江花园", "2号楼", 0, 1, "0.0"],
      ["翠湖苑", null, 1, 0, "100.0"],
    ]);
    expect([s.clientFiles, s.complete, s.incomplete, s.completeRate.percent]).toEqual([4, 2, 2, "50.0"]);
  });

  it("ranks the missing checklist items by the number of files lacking them", () => {
    expect(s.missingTop).toEqual([
      { name: "购房合同", count: 2 },
      { name: "身份证复印件", count: 1 },
    ]);
    const many = Array.from({ length: 15 }, (_, i) => ({ project: "P", building: null, percent: 0, missing: [`item${String(i).padStart(2, "0")}`] }));
    expect(aggregateArchiveStats(many, [], []).missingTop).toHaveLength(TOP_MISSING);
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
