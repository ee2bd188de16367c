import Decimal from "decimal.js";
import type { AppraisalDimension } from "../../db/generated/client";
import { DomainError } from "../errors";
import { DIMENSIONS } from "./dimensions";

// 002 篇2 4.7: the manager scores "by deduction" (进行扣分) from each item's maximum, with a reason
// for every deduction; 4.9: penalties deduct further with a reason; 4.8: commendations add 1–10
// points after normal scoring, so a total may exceed 100. All arithmetic is exact (decimal.js).

export type ScoringItem = { id: string; dimension: AppraisalDimension; name: string; maxScore: Decimal.Value };
export type Deduction = { itemId: string; deduction: string; reason?: string | null };
export type Adjustment = { kind: "penalty" | "commendation"; points: string; reason: string };

export type ScoreResult = {
  byDimension: Record<AppraisalDimension, Decimal>;
  items: { itemId: string; deduction: Decimal; score: Decimal; reason: string | null }[];
  base: Decimal;
  penalty: Decimal;
  commendation: Decimal;
  total: Decimal;
};

/** 4.8 "加1~10分": each commendation and their sum on one appraisal. */
export const COMMENDATION_MIN = new Decimal(1);
export const COMMENDATION_MAX = new Decimal(10);

function parse(value: string, code: "APPRAISAL_BAD_DEDUCTION" | "APPRAISAL_BAD_ADJUSTMENT", params: Record<string, string>): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new DomainError(code, params);
  }
  if (!d.isFinite() || d.decimalPlaces() > 1) throw new DomainError(code, params);
  return d;
}

/**
 * The scores of one appraisal. An item without a deduction keeps its full marks (scoring is by
 * deduction: only what went wrong is written down). Refuses a deduction outside 0…max, a
 * deduction without a reason, an unknown item, a commendation outside 1–10 (also in sum), and
 * penalties larger than the points scored (a total is never negative).
 */
export function scoreAppraisal(items: readonly ScoringItem[], deductions: readonly Deduction[], adjustments: readonly Adjustment[] = []): ScoreResult {
  const byId = new Map(items.map((i) => [i.id, i]));
  const given = new Map<string, Deduction>();
  for (const d of deductions) {
    if (!byId.has(d.itemId)) throw new DomainError("APPRAISAL_UNKNOWN_ITEM");
    if (given.has(d.itemId)) throw new DomainError("APPRAISAL_UNKNOWN_ITEM");
    given.set(d.itemId, d);
  }
  const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d, new Decimal(0)])) as Record<AppraisalDimension, Decimal>;
  const out: ScoreResult["items"] = [];
  for (const item of items) {
    const max = new Decimal(item.maxScore);
    const g = given.get(item.id);
    const deduction = g ? parse(g.deduction || "0", "APPRAISAL_BAD_DEDUCTION", { item: item.name, max: max.toString() }) : new Decimal(0);
    if (deduction.lt(0) || deduction.gt(max)) throw new DomainError("APPRAISAL_BAD_DEDUCTION", { item: item.name, max: max.toString() });
    const reason = g?.reason?.trim() || null;
    if (deduction.gt(0) && !reason) throw new DomainError("APPRAISAL_DEDUCTION_REASON", { item: item.name });
    const score = max.minus(deduction);
    byDimension[item.dimension] = byDimension[item.dimension].plus(score);
    out.push({ itemId: item.id, deduction, score, reason: deduction.gt(0) ? reason : null });
  }
  const base = DIMENSIONS.reduce((s, d) => s.plus(byDimension[d]), new Decimal(0));

  let penalty = new Decimal(0);
  let commendation = new Decimal(0);
  for (const a of adjustments) {
    const points = parse(a.points, "APPRAISAL_BAD_ADJUSTMENT", { points: a.points });
    if (!a.reason.trim()) throw new DomainError("APPRAISAL_ADJUSTMENT_REASON");
    if (a.kind === "commendation") {
      if (points.lt(COMMENDATION_MIN) || points.gt(COMMENDATION_MAX)) throw new DomainError("APPRAISAL_COMMENDATION_RANGE");
      commendation = commendation.plus(points);
    } else {
      if (points.lte(0)) throw new DomainError("APPRAISAL_BAD_ADJUSTMENT", { points: a.points });
      penalty = penalty.plus(points);
    }
  }
  if (commendation.gt(COMMENDATION_MAX)) throw new DomainError("APPRAISAL_COMMENDATION_RANGE");
  if (penalty.gt(base)) throw new DomainError("APPRAISAL_PENALTY_TOO_LARGE", { base: base.toString() });
  return { byDimension, items: out, base, penalty, commendation, total: base.minus(penalty).plus(commendation) };
}
