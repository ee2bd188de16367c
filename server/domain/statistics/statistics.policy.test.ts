import { describe, expect, it } from "vitest";
import { STATISTICS_READERS, statisticsPagesFor } from "./statistics.policy";

describe("the statistics hub", () => {
  it("lists only the pages a role may read", () => {
    expect(statisticsPagesFor(["staff"]).map((p) => p.key)).toEqual(["appraisal"]);
    expect(statisticsPagesFor(["archivist"]).map((p) => p.key)).toEqual(["loans", "archive", "appraisal"]);
    expect(statisticsPagesFor(["auditor"]).map((p) => p.key)).toEqual(["loans"]);
    expect(statisticsPagesFor(["manager"]).map((p) => p.key)).toEqual(["complaints", "loans", "archive", "appraisal"]);
    expect(statisticsPagesFor(["admin"])).toEqual([]);
  });
  it("is open to every role that has a page, and not to the admin", () => {
    expect([...STATISTICS_READERS].sort()).toEqual(["archivist", "auditor", "manager", "staff", "supervisor"]);
  });
});
