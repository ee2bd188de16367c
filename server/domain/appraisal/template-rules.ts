import Decimal from "decimal.js";
import type { AppraisalDimension } from "../../db/generated/client";
import { DomainError } from "../errors";
import { DIMENSIONS, type TemplateInput } from "./dimensions";

// DOMAIN §4: "the parts must add up to the full mark" — the four dimensions to 100, and the
// items of each dimension to that dimension's maximum. A template that does not is refused.
export const FULL_MARK = new Decimal(100);

function asScore(value: string, field: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new DomainError("APPRAISAL_TEMPLATE_BAD_MAX", { field });
  }
  // One decimal place at most (the columns are DECIMAL(5,1)); no zero or negative maxima.
  if (!d.isFinite() || d.lte(0) || d.gt(FULL_MARK) || d.decimalPlaces() > 1) throw new DomainError("APPRAISAL_TEMPLATE_BAD_MAX", { field });
  return d;
}

/** Throws a DomainError naming the first part that does not add up; returns the exact maxima. */
export function checkTemplate(input: TemplateInput): Record<AppraisalDimension, Decimal> {
  const maxima = {} as Record<AppraisalDimension, Decimal>;
  for (const dim of DIMENSIONS) maxima[dim] = asScore(input.maxima[dim], dim);
  const sum = DIMENSIONS.reduce((s, d) => s.plus(maxima[d]), new Decimal(0));
  if (!sum.eq(FULL_MARK)) throw new DomainError("APPRAISAL_TEMPLATE_SUM", { sum: sum.toString() });

  const names = new Set<string>();
  for (const it of input.items) {
    const name = it.name.trim();
    if (names.has(name)) throw new DomainError("APPRAISAL_TEMPLATE_DUPLICATE_ITEM", { name });
    names.add(name);
    asScore(it.maxScore, name);
  }
  for (const dim of DIMENSIONS) {
    const items = input.items.filter((i) => i.dimension === dim);
    if (items.length === 0) throw new DomainError("APPRAISAL_TEMPLATE_EMPTY_DIMENSION", { dimension: dim });
    const itemSum = items.reduce((s, i) => s.plus(new Decimal(i.maxScore)), new Decimal(0));
    if (!itemSum.eq(maxima[dim])) throw new DomainError("APPRAISAL_TEMPLATE_DIMENSION_SUM", { dimension: dim, sum: itemSum.toString(), max: maxima[dim].toString() });
  }
  return maxima;
}
