import { describe, expect, it } from "vitest";
import { ZStatsPeriod, periodFromParams } from "./statistics.schema";

describe("the statistics period", () => {
  it("reads months and a project from the URL, falling back to the default period", () => {
    const id = "0b9f3c1e-8d2a-4c1b-9e7f-1a2b3c4d5e6f";
    expect(periodFromParams({ from: "2026-01", to: "2026-03", project: id }, "2026-11", "2025-12")).toEqual({ from: "2026-01", to: "2026-03", projectId: id });
    expect(periodFromParams({ from: "2026-13", to: "junk", project: "x" }, "2026-11", "2025-12")).toEqual({ from: "2025-12", to: "2026-11" });
    expect(periodFromParams({ from: "2026-06", to: "2026-02" }, "2026-11", "2025-12")).toEqual({ from: "2026-02", to: "2026-06" });
    expect(periodFromParams({ from: "2000-01", to: "2026-06" }, "2026-11", "2025-12")).toEqual({ from: "2021-07", to: "2026-06" });
    expect(ZStatsPeriod.safeParse(periodFromParams({ from: "2000-01", to: "2026-06" }, "2026-11", "2025-12")).success).toBe(true);
  });

  it("refuses a reversed, malformed or over-long period with the field it concerns", () => {
    const issues = (v: unknown) => (ZStatsPeriod.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join(".")}:${i.message}`);
    expect(issues({ from: "2026-01", to: "2026-12" })).toEqual([]);
    expect(issues({ from: "2026-05", to: "2026-04" })).toEqual(["to:periodOrder"]);
    expect(issues({ from: "2026-1", to: "2026-04" })).toEqual(["from:month"]);
    expect(issues({ from: "2021-01", to: "2026-01" })).toEqual(["from:periodTooLong"]);
    expect(issues({ from: "2021-02", to: "2026-01" })).toEqual([]);
  });
});
