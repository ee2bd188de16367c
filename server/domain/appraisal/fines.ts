import Decimal from "decimal.js";
import { DomainError } from "../errors";

// 违规处罚 (002 篇1 四.1 行为规范 and 四.2): the 15 rules of conduct and what a breach costs, by the
// person's count of breaches in the calendar year (Asia/Shanghai). Rules 1–11 are one clause
// ("违反上述第1-11条者") and are counted together; 12–15 each on their own. "三次以上" is read as
// "from the third time", "二次以上" as "from the second time" (issue 7 §5).
export const FINE_RULES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const;
export type FineRule = (typeof FINE_RULES)[number];

export function isFineRule(n: number): n is FineRule {
  return Number.isInteger(n) && n >= 1 && n <= 15;
}

/** The counting group of a rule: "1-11" or the rule's own number. */
export function ruleGroup(rule: FineRule): string {
  return rule <= 11 ? "1-11" : String(rule);
}

export type FineProposal = {
  /** 1 for the first breach of the group in the year, 2 for the second … */
  occurrence: number;
  fineAmount: Decimal;
  /** Rule 14: the cost of the call itself, paid back on top of the fine. */
  compensation: Decimal;
  suspensionDays: number;
  dismissal: boolean;
};

const yuan = (n: Decimal.Value) => new Decimal(n);

/**
 * What the next breach costs, given how many breaches of the same group the person already has
 * this year. `callCost` (元, two decimals) is needed for rule 14 and refused elsewhere.
 */
export function proposeFine(rule: FineRule, priorInYear: number, callCost?: string | null): FineProposal {
  const occurrence = priorInYear + 1;
  const none = { occurrence, fineAmount: yuan(0), compensation: yuan(0), suspensionDays: 0, dismissal: false };
  if (rule !== 14 && callCost) throw new DomainError("FINE_CALL_COST_ONLY_RULE_14");
  if (rule <= 11) return { ...none, fineAmount: yuan(occurrence >= 3 ? 50 : 20) };
  switch (rule) {
    case 12: // 饮酒: 停岗一天 and 100 元; from the second time 辞退
      return occurrence >= 2 ? { ...none, dismissal: true } : { ...none, fineAmount: yuan(100), suspensionDays: 1 };
    case 13: // 搬弄是非: 辞退
      return { ...none, dismissal: true };
    case 14: {
      // 私打信息台/长途: pay the call back, plus a fine of twice its cost
      let cost: Decimal;
      try {
        cost = new Decimal(callCost ?? "");
      } catch {
        throw new DomainError("FINE_CALL_COST_REQUIRED");
      }
      if (!cost.isFinite() || cost.lte(0) || cost.decimalPlaces() > 2 || cost.gt(100_000)) throw new DomainError("FINE_CALL_COST_REQUIRED");
      return { ...none, compensation: cost, fineAmount: cost.times(2) };
    }
    case 15: // 与客户争吵: 100 元; from the second time 辞退
      return occurrence >= 2 ? { ...none, dismissal: true } : { ...none, fineAmount: yuan(100) };
    default:
      throw new DomainError("BAD_INPUT");
  }
}
