import { describe, expect, it } from "vitest";
import { checkCompleteness, isApplicable, type ChecklistEntry } from "./completeness";

// A short version of the 客户信息档案 checklist (004 第七条).
const CHECKLIST: ChecklistEntry[] = [
  { name: "认购书", requiredCount: 1, condition: "individual" },
  { name: "商品房买卖合同", requiredCount: 2, condition: null },
  { name: "身份证复印件", requiredCount: 1, condition: "individual" },
  { name: "发票复印件", requiredCount: 1, condition: null },
  { name: "房产共有协议", requiredCount: 1, condition: "co_owner" },
  { name: "监护人公证书", requiredCount: 1, condition: "minor" },
  { name: "营业执照副本复印件", requiredCount: 3, condition: "company" },
];

describe("isApplicable", () => {
  it("applies unconditional items to every file, buyer kind items only to that kind", () => {
    expect(isApplicable(null, null, [])).toBe(true);
    expect(isApplicable("individual", "individual", [])).toBe(true);
    expect(isApplicable("individual", "company", [])).toBe(false);
    expect(isApplicable("company", "company", [])).toBe(true);
    expect(isApplicable("company", null, [])).toBe(false);
    expect(isApplicable("individual", null, [])).toBe(false);
  });
  it("applies flag items only when the file carries the flag", () => {
    expect(isApplicable("co_owner", "individual", [])).toBe(false);
    expect(isApplicable("co_owner", "individual", ["co_owner"])).toBe(true);
    expect(isApplicable("minor", "company", ["co_owner"])).toBe(false);
  });
});

describe("checkCompleteness", () => {
  it("a complete individual file is 100 % with nothing missing", () => {
    const c = checkCompleteness(CHECKLIST, "individual", [], [
      { name: "认购书", count: 1 },
      { name: "商品房买卖合同", count: 2 },
      { name: "身份证复印件", count: 1 },
      { name: "发票复印件", count: 2 },
    ]);
    expect(c.percent).toBe(100);
    expect(c.applicable).toBe(4);
    expect(c.missing).toEqual([]);
  });

  it("reports missing and short items and floors the percentage", () => {
    const c = checkCompleteness(CHECKLIST, "individual", [], [
      { name: "认购书", count: 1 },
      { name: "商品房买卖合同", count: 1 }, // 2 required → short
      { name: "发票复印件", count: 1 },
    ]);
    expect(c.items.map((i) => [i.name, i.state])).toEqual([
      ["认购书", "present"],
      ["商品房买卖合同", "short"],
      ["身份证复印件", "missing"],
      ["发票复印件", "present"],
    ]);
    expect(c.missing.map((i) => i.name)).toEqual(["商品房买卖合同", "身份证复印件"]);
    expect(c.percent).toBe(50);
  });

  it("floors rather than rounds: 2 of 3 is 66 %, never 100 % while something is missing", () => {
    const list: ChecklistEntry[] = [
      { name: "a", requiredCount: 1, condition: null },
      { name: "b", requiredCount: 1, condition: null },
      { name: "c", requiredCount: 1, condition: null },
    ];
    expect(checkCompleteness(list, null, [], [{ name: "a", count: 1 }, { name: "b", count: 1 }]).percent).toBe(66);
    const many = Array.from({ length: 300 }, (_, i) => ({ name: `i${i}`, requiredCount: 1, condition: null }));
    expect(checkCompleteness(many, null, [], many.slice(1).map((m) => ({ name: m.name, count: 1 }))).percent).toBe(99);
  });

  it("adds conditional items only when the flag is set", () => {
    const items = [
      { name: "认购书", count: 1 },
      { name: "商品房买卖合同", count: 2 },
      { name: "身份证复印件", count: 1 },
      { name: "发票复印件", count: 1 },
    ];
    expect(checkCompleteness(CHECKLIST, "individual", [], items).percent).toBe(100);
    const coOwned = checkCompleteness(CHECKLIST, "individual", ["co_owner"], items);
    expect(coOwned.percent).toBe(80);
    expect(coOwned.missing.map((i) => i.name)).toEqual(["房产共有协议"]);
  });

  it("checks a company buyer against the company list, not the individual one", () => {
    const c = checkCompleteness(CHECKLIST, "company", [], [
      { name: "商品房买卖合同", count: 2 },
      { name: "发票复印件", count: 1 },
      { name: "营业执照副本复印件", count: 2 },
    ]);
    expect(c.items.map((i) => i.name)).toEqual(["商品房买卖合同", "发票复印件", "营业执照副本复印件"]);
    expect(c.missing).toEqual([expect.objectContaining({ name: "营业执照副本复印件", state: "short", count: 2, requiredCount: 3 })]);
    expect(c.percent).toBe(66);
  });

  it("with no client linked, only the unconditional items count", () => {
    const c = checkCompleteness(CHECKLIST, null, [], [{ name: "商品房买卖合同", count: 2 }]);
    expect(c.items.map((i) => i.name)).toEqual(["商品房买卖合同", "发票复印件"]);
    expect(c.percent).toBe(50);
  });

  it("an empty checklist is complete; extra paper items are reported, not counted", () => {
    const c = checkCompleteness([], "individual", [], [{ name: "会议记录", count: 1 }]);
    expect(c.percent).toBe(100);
    expect(c.extra).toEqual([{ name: "会议记录", count: 1 }]);
  });

  it("a zero count is missing, and names are compared trimmed", () => {
    const c = checkCompleteness(CHECKLIST, null, [], [{ name: " 商品房买卖合同 ", count: 2 }, { name: "发票复印件", count: 0 }]);
    expect(c.items.map((i) => i.state)).toEqual(["present", "missing"]);
  });
});
