import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { DEFAULT_TEMPLATES } from "./dimensions";
import { scoreAppraisal, type Adjustment, type Deduction, type ScoringItem } from "./scoring";

const ITEMS: ScoringItem[] = DEFAULT_TEMPLATES.operational.items.map((i, n) => ({ id: `i${n}`, dimension: i.dimension, name: i.name, maxScore: i.maxScore }));
const idOf = (name: string) => ITEMS.find((i) => i.name === name)!.id;

function codeOf(d: Deduction[], a: Adjustment[] = []): string | null {
  try {
    scoreAppraisal(ITEMS, d, a);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe("deduction scoring (002 篇2 4.7–4.9)", () => {
  it("no deductions: full marks, 100, per dimension 20/20/30/30", () => {
    const r = scoreAppraisal(ITEMS, []);
    expect(r.total.toString()).toBe("100");
    expect(Object.values(r.byDimension).map(String)).toEqual(["20", "20", "30", "30"]);
  });

  it("deducts from each item's maximum, exactly, and keeps the reasons", () => {
    const r = scoreAppraisal(ITEMS, [
      { itemId: idOf("服务态度"), deduction: "1.5", reason: "3月5日接待业主时语气生硬" },
      { itemId: idOf("工作出勤"), deduction: "0.5", reason: "迟到一次" },
      { itemId: idOf("工作效率"), deduction: "2", reason: "两单投诉超过4小时未回复" },
      { itemId: idOf("创新能力"), deduction: "0", reason: "ignored when nothing is deducted" },
    ]);
    expect(r.byDimension.de.toString()).toBe("18.5");
    expect(r.byDimension.qin.toString()).toBe("19.5");
    expect(r.byDimension.neng.toString()).toBe("30");
    expect(r.byDimension.ji.toString()).toBe("28");
    expect(r.base.toString()).toBe("96");
    expect(r.total.toString()).toBe("96");
    expect(r.items.find((i) => i.itemId === idOf("服务态度"))).toMatchObject({ score: new Decimal("3.5"), reason: "3月5日接待业主时语气生硬" });
    expect(r.items.find((i) => i.itemId === idOf("创新能力"))?.reason).toBeNull();
  });

  it("0.1 steps add up without float drift (0.1 × 3 is 0.3)", () => {
    const r = scoreAppraisal(ITEMS, ["思想道德", "服务态度", "纪律作风"].map((n) => ({ itemId: idOf(n), deduction: "0.1", reason: "x" })));
    expect(r.total.toString()).toBe("99.7");
  });

  it("penalties deduct after scoring, commendations add 1–10 after scoring: a total may exceed 100", () => {
    const r = scoreAppraisal(ITEMS, [{ itemId: idOf("服务态度"), deduction: "2", reason: "态度" }], [
      { kind: "commendation", points: "6", reason: "拾金不昧，公司嘉奖" },
      { kind: "commendation", points: "4", reason: "业主锦旗" },
    ]);
    expect(r.base.toString()).toBe("98");
    expect(r.commendation.toString()).toBe("10");
    expect(r.total.toString()).toBe("108");
    const p = scoreAppraisal(ITEMS, [], [{ kind: "penalty", points: "5", reason: "与客户争吵（规程第15条）" }]);
    expect(p.total.toString()).toBe("95");
    expect(p.penalty.toString()).toBe("5");
  });

  it("refuses a deduction above the item's maximum, a negative one, one without a reason, an unknown item", () => {
    expect(codeOf([{ itemId: idOf("思想道德"), deduction: "5.5", reason: "x" }])).toBe("APPRAISAL_BAD_DEDUCTION");
    expect(codeOf([{ itemId: idOf("思想道德"), deduction: "-1", reason: "x" }])).toBe("APPRAISAL_BAD_DEDUCTION");
    expect(codeOf([{ itemId: idOf("思想道德"), deduction: "1.25", reason: "x" }])).toBe("APPRAISAL_BAD_DEDUCTION");
    expect(codeOf([{ itemId: idOf("思想道德"), deduction: "1", reason: "  " }])).toBe("APPRAISAL_DEDUCTION_REASON");
    expect(codeOf([{ itemId: "nope", deduction: "1", reason: "x" }])).toBe("APPRAISAL_UNKNOWN_ITEM");
    expect(codeOf([{ itemId: idOf("思想道德"), deduction: "5", reason: "x" }])).toBeNull();
  });

  it("refuses commendations outside 1–10 (each and in sum), penalties without reason or above the score", () => {
    expect(codeOf([], [{ kind: "commendation", points: "0.5", reason: "x" }])).toBe("APPRAISAL_COMMENDATION_RANGE");
    expect(codeOf([], [{ kind: "commendation", points: "11", reason: "x" }])).toBe("APPRAISAL_COMMENDATION_RANGE");
    expect(codeOf([], [{ kind: "commendation", points: "6", reason: "x" }, { kind: "commendation", points: "5", reason: "y" }])).toBe("APPRAISAL_COMMENDATION_RANGE");
    expect(codeOf([], [{ kind: "penalty", points: "3", reason: "" }])).toBe("APPRAISAL_ADJUSTMENT_REASON");
    expect(codeOf([], [{ kind: "penalty", points: "0", reason: "x" }])).toBe("APPRAISAL_BAD_ADJUSTMENT");
    expect(codeOf([], [{ kind: "penalty", points: "100.5", reason: "x" }])).toBe("APPRAISAL_PENALTY_TOO_LARGE");
    expect(codeOf([], [{ kind: "commendation", points: "1", reason: "x" }, { kind: "penalty", points: "100", reason: "x" }])).toBeNull();
  });
});
