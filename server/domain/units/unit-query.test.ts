import { describe, expect, it } from "vitest";
import { buildingNameVariants, parseUnitQuery } from "./unit-query";

describe("parseUnitQuery", () => {
  it.each([
    ["3-1202", { project: null, building: "3", numbers: ["1202"] }],
    ["3号楼1202", { project: null, building: "3", numbers: ["1202"] }],
    ["3栋1202", { project: null, building: "3", numbers: ["1202"] }],
    ["3栋1202室", { project: null, building: "3", numbers: ["1202"] }],
    ["3 栋 1202", { project: null, building: "3", numbers: ["1202"] }],
    ["3幢-1202", { project: null, building: "3", numbers: ["1202"] }],
    ["华景园3栋1202", { project: "华景园", building: "3", numbers: ["1202"] }],
    ["华景园 3-1202", { project: "华景园", building: "3", numbers: ["1202"] }],
    ["华景园1202", { project: "华景园", building: null, numbers: ["1202"] }],
    ["hjy 12-0301", { project: "hjy", building: "12", numbers: ["0301"] }],
    ["1202", { project: null, building: null, numbers: ["1202"] }],
    ["3-101", { project: null, building: "3", numbers: ["101", "0101"] }],
    ["Ａ座１２０２", { project: null, building: "A", numbers: ["1202"] }],
  ])("%s", (text, expected) => {
    expect(parseUnitQuery(text)).toEqual(expected);
  });

  it.each(["", "张三", "13812345678", "KH-2026-000123", "JY-2026-0001", "110101199003071234", "12"])("%s is not a unit", (text) => {
    expect(parseUnitQuery(text)).toBeNull();
  });
});

describe("buildingNameVariants", () => {
  it("covers the suffixes people write", () => {
    expect(buildingNameVariants("3")).toEqual(["3", "3栋", "3号楼", "3幢", "3座", "3号"]);
  });
});
