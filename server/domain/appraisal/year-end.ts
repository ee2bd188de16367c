import Decimal from "decimal.js";

// 002 篇2 4.6: 周检和月检 20 %, 月考核 30 %, 年终考评 50 % of the year-end total; 4.8: a year-end
// total still above 100 after weighting makes the person 优秀员工.
//
// Rounding, stated once: the means and the weighted sum are exact (decimal.js, 40 significant
// digits, so 1/3 of a score carries no float error); only the final total is rounded, to two
// decimal places, half up (87.565 → 87.57). 优秀员工 is decided on that rounded total, the number
// printed on the 年终考核记录表, so the form and the verdict never disagree. Means are shown
// rounded the same way but enter the sum unrounded.
export const WEIGHTS = { checks: new Decimal("0.2"), monthly: new Decimal("0.3"), yearEnd: new Decimal("0.5") } as const;
export const OUTSTANDING_ABOVE = new Decimal(100);
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type YearEndPart = "checks" | "monthly" | "yearEnd";
export type YearEndInput = {
  /** Totals of the finalised 周检 and 月检 of the year (抽检 are not named in 4.6 A). */
  checks: readonly Decimal.Value[];
  /** Totals of the finalised 月考核 of the year. */
  monthly: readonly Decimal.Value[];
  /** Total of the finalised 年终考评, or null while there is none. */
  yearEnd: Decimal.Value | null;
};

export type YearEndResult = {
  checksMean: Decimal | null;
  monthlyMean: Decimal | null;
  yearEnd: Decimal | null;
  checksCount: number;
  monthlyCount: number;
  /** The parts that have no finalised score yet: shown as missing, never counted as zero. */
  missing: YearEndPart[];
  /** null while a part is missing. */
  total: Decimal | null;
  outstanding: boolean;
};

function mean(values: readonly Decimal.Value[]): Decimal | null {
  if (values.length === 0) return null;
  return values.reduce<Decimal>((s, v) => s.plus(new Exact(v)), new Exact(0)).div(values.length);
}

export function yearEndTotal(input: YearEndInput): YearEndResult {
  const checksMean = mean(input.checks);
  const monthlyMean = mean(input.monthly);
  const yearEnd = input.yearEnd === null ? null : new Exact(input.yearEnd);
  const missing: YearEndPart[] = [];
  if (!checksMean) missing.push("checks");
  if (!monthlyMean) missing.push("monthly");
  if (!yearEnd) missing.push("yearEnd");
  const total =
    checksMean && monthlyMean && yearEnd
      ? checksMean.times(WEIGHTS.checks).plus(monthlyMean.times(WEIGHTS.monthly)).plus(yearEnd.times(WEIGHTS.yearEnd)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
      : null;
  return {
    checksMean,
    monthlyMean,
    yearEnd,
    checksCount: input.checks.length,
    monthlyCount: input.monthly.length,
    missing,
    total,
    outstanding: total !== null && total.gt(OUTSTANDING_ABOVE),
  };
}

/** A score as shown: two decimals, half up ("91.666…" → "91.67"), or null for a missing part. */
export function showScore(value: Decimal | null): string | null {
  return value === null ? null : value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
