import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { FINE_RULES, proposeFine, ruleGroup, type FineRule } from "./fines";

const plain = (rule: FineRule, prior: number, cost?: string) => {
  const p = proposeFine(rule, prior, cost);
  return { occurrence: p.occurrence, fine: p.fineAmount.toFixed(2), compensation: p.compensation.toFixed(2), suspensionDays: p.suspensionDays, dismissal: p.dismissal };
};
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

describe("fine ladder (002 篇1 四.2)", () => {
  it("rules 1–11: 20 元 the first and second time, 50 元 from the third time, counted together", () => {
    for (const rule of FINE_RULES.filter((r) => r <= 11)) {
      expect(ruleGroup(rule)).toBe("1-11");
      expect(plain(rule, 0).fine).toBe("20.00");
      expect(plain(rule, 1).fine).toBe("20.00");
      expect(plain(rule, 2)).toEqual({ occurrence: 3, fine: "50.00", compensation: "0.00", suspensionDays: 0, dismissal: false });
      expect(plain(rule, 7).fine).toBe("50.00");
    }
  });

  it("rule 12 (drinking): one day off and 100 元; dismissal from the second time", () => {
    expect(plain(12, 0)).toEqual({ occurrence: 1, fine: "100.00", compensation: "0.00", suspensionDays: 1, dismissal: false });
    expect(plain(12, 1)).toEqual({ occurrence: 2, fine: "0.00", compensation: "0.00", suspensionDays: 0, dismissal: true });
    expect(ruleGroup(12)).toBe("12");
  });

  it("rule 13: dismissal at once", () => {
    expect(plain(13, 0).dismissal).toBe(true);
  });

  it("rule 14: the call cost paid back plus twice it as the fine", () => {
    expect(plain(14, 0, "37.80")).toEqual({ occurrence: 1, fine: "75.60", compensation: "37.80", suspensionDays: 0, dismissal: false });
    expect(plain(14, 3, "0.10").fine).toBe("0.20");
    expect(codeOf(() => proposeFine(14, 0))).toBe("FINE_CALL_COST_REQUIRED");
    expect(codeOf(() => proposeFine(14, 0, "-5"))).toBe("FINE_CALL_COST_REQUIRED");
    expect(codeOf(() => proposeFine(14, 0, "1.005"))).toBe("FINE_CALL_COST_REQUIRED");
    expect(codeOf(() => proposeFine(14, 0, "abc"))).toBe("FINE_CALL_COST_REQUIRED");
    expect(codeOf(() => proposeFine(3, 0, "10"))).toBe("FINE_CALL_COST_ONLY_RULE_14");
  });

  it("rule 15 (quarrelling with a client): 100 元; dismissal from the second time", () => {
    expect(plain(15, 0)).toEqual({ occurrence: 1, fine: "100.00", compensation: "0.00", suspensionDays: 0, dismissal: false });
    expect(plain(15, 1).dismissal).toBe(true);
    expect(plain(15, 1).fine).toBe("0.00");
  });
});
