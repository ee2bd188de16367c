import { describe, expect, it } from "vitest";
import { generateUnitNumbers, unitNumber } from "./unit-numbers";

describe("unitNumber", () => {
  it("writes floor then unit, two digits each: floor 12 unit 3 → 1203", () => {
    expect(unitNumber(12, 3)).toBe("1203");
    expect(unitNumber(1, 1)).toBe("0101");
    expect(unitNumber(9, 12)).toBe("0912");
  });

  it("keeps three-digit floors whole", () => {
    expect(unitNumber(100, 2)).toBe("10002");
  });
});

describe("generateUnitNumbers", () => {
  it("lists floors from..to, each with unitsPerFloor units, in shelving order", () => {
    expect(generateUnitNumbers(1, 2, 3)).toEqual([
      { number: "0101", floor: 1 },
      { number: "0102", floor: 1 },
      { number: "0103", floor: 1 },
      { number: "0201", floor: 2 },
      { number: "0202", floor: 2 },
      { number: "0203", floor: 2 },
    ]);
  });

  it("gives 72 distinct numbers for 18 floors × 4 units, 0101 to 1804", () => {
    const units = generateUnitNumbers(1, 18, 4);
    expect(units).toHaveLength(72);
    expect(new Set(units.map((u) => u.number)).size).toBe(72);
    expect(units[0]?.number).toBe("0101");
    expect(units.at(-1)?.number).toBe("1804");
    const sorted = [...units.map((u) => u.number)].sort();
    expect(units.map((u) => u.number)).toEqual(sorted);
  });

  it("handles a single floor and an empty range", () => {
    expect(generateUnitNumbers(5, 5, 2).map((u) => u.number)).toEqual(["0501", "0502"]);
    expect(generateUnitNumbers(6, 5, 2)).toEqual([]);
  });
});
