import Decimal from "decimal.js";
import type { Db } from "../../db/client";
import type { AppraisalKind, Prisma } from "../../db/generated/client";
import { dateOfDay, dayOf } from "../archive/retention";
import { visibleRowsWhere, type Viewer } from "./appraisal.policy";
import { KINDS } from "./dimensions";
import { isEffective } from "./year-end.service";
import { periodLabel } from "./period";
import { showScore } from "./year-end";
import type { TStatistics } from "./appraisal.schema";

// 员工月/年绩效考核情况统计表 (002 篇2 4.7, 4.12.3): what the finalised results of a month or a year
// say — per kind count, mean, best and worst; the mean of each of 德勤能绩; the ranking by 月考核;
// and the month-by-month trend. Only results this viewer may see, only finalised ones.

const pad = (n: number) => String(n).padStart(2, "0");
function rangeOf(input: TStatistics): Prisma.DateTimeFilter {
  if (!input.month) return { gte: dateOfDay(`${input.year}-01-01`), lt: dateOfDay(`${input.year + 1}-01-01`) };
  const next = input.month === 12 ? `${input.year + 1}-01-01` : `${input.year}-${pad(input.month + 1)}-01`;
  return { gte: dateOfDay(`${input.year}-${pad(input.month)}-01`), lt: dateOfDay(next) };
}

const mean = (xs: Decimal[]) => (xs.length ? xs.reduce((s, x) => s.plus(x), new Decimal(0)).div(xs.length) : null);

const entrySelect = {
  id: true,
  kind: true,
  status: true,
  periodStart: true,
  total: true,
  scoreDe: true,
  scoreQin: true,
  scoreNeng: true,
  scoreJi: true,
  correctedBy: { select: { status: true } },
  employee: { select: { id: true, displayName: true, department: { select: { name: true } } } },
} satisfies Prisma.AppraisalSelect;

async function effectiveEntries(db: Db, v: Viewer, input: TStatistics) {
  const rows = await db.appraisal.findMany({
    where: { AND: [visibleRowsWhere(v), { year: input.year, status: "finalised", periodStart: rangeOf(input) }] },
    orderBy: [{ periodStart: "asc" }],
    select: entrySelect,
  });
  return rows.filter(isEffective);
}

export async function statistics(db: Db, v: Viewer, input: TStatistics) {
  const entries = await effectiveEntries(db, v, input);
  const byKind = KINDS.map((kind) => {
    const totals = entries.filter((e) => e.kind === kind).map((e) => e.total);
    return {
      kind,
      count: totals.length,
      mean: showScore(mean(totals)),
      max: totals.length ? Decimal.max(...totals).toFixed(2) : null,
      min: totals.length ? Decimal.min(...totals).toFixed(2) : null,
    };
  });
  const scored = entries.filter((e) => e.kind !== "spot_check");
  const dimensions = {
    de: showScore(mean(scored.map((e) => e.scoreDe))),
    qin: showScore(mean(scored.map((e) => e.scoreQin))),
    neng: showScore(mean(scored.map((e) => e.scoreNeng))),
    ji: showScore(mean(scored.map((e) => e.scoreJi))),
  };

  // Ranking by the mean of the 月考核 in the period (the manager's monthly appraisal, 4.1).
  const monthly = entries.filter((e) => e.kind === "monthly");
  const people = new Map<string, { id: string; name: string; department: string | null; totals: Decimal[] }>();
  for (const e of monthly) {
    const p = people.get(e.employee.id) ?? { id: e.employee.id, name: e.employee.displayName, department: e.employee.department?.name ?? null, totals: [] };
    p.totals.push(e.total);
    people.set(p.id, p);
  }
  const ranked = [...people.values()].map((p) => ({ ...p, mean: mean(p.totals)! })).sort((a, b) => b.mean.comparedTo(a.mean) || a.name.localeCompare(b.name, "zh-CN"));
  const ranking = ranked.map((p, i) => ({
    rank: i > 0 && ranked[i - 1]!.mean.toDecimalPlaces(2).eq(p.mean.toDecimalPlaces(2)) ? 0 : i + 1,
    employee: { id: p.id, name: p.name, department: p.department },
    count: p.totals.length,
    mean: showScore(p.mean)!,
    outstanding: p.mean.gt(100),
  }));
  for (let i = 1; i < ranking.length; i++) if (ranking[i]!.rank === 0) ranking[i]!.rank = ranking[i - 1]!.rank;

  // Trend: month by month across the year (for a month view, the year it belongs to).
  const yearEntries = input.month ? await effectiveEntries(db, v, { year: input.year }) : entries;
  const checkKinds: AppraisalKind[] = ["weekly_check", "monthly_check"];
  const trend = Array.from({ length: 12 }, (_, m) => {
    const inMonth = yearEntries.filter((e) => e.periodStart.getUTCMonth() === m);
    return {
      month: m + 1,
      monthly: showScore(mean(inMonth.filter((e) => e.kind === "monthly").map((e) => e.total))),
      checks: showScore(mean(inMonth.filter((e) => checkKinds.includes(e.kind)).map((e) => e.total))),
    };
  });
  return { year: input.year, month: input.month ?? null, count: entries.length, byKind, dimensions, ranking, trend };
}

/** 员工月绩效考核记录表 rows: every 月考核 of the month this viewer may see, whatever its state. */
export async function monthlyRecordRows(db: Db, v: Viewer, input: { year: number; month: number }) {
  const rows = await db.appraisal.findMany({
    where: { AND: [visibleRowsWhere(v), { kind: "monthly", year: input.year, periodStart: rangeOf(input) }] },
    orderBy: [{ employee: { displayName: "asc" } }, { createdAt: "asc" }],
    select: { ...entrySelect, baseScore: true, penaltyPoints: true, commendationPoints: true, finalisedAt: true, correctsId: true },
  });
  return rows.map((r) => ({
    id: r.id,
    employee: r.employee.displayName,
    department: r.employee.department?.name ?? "",
    period: periodLabel(r.kind, dayOf(r.periodStart)),
    de: r.scoreDe.toFixed(2),
    qin: r.scoreQin.toFixed(2),
    neng: r.scoreNeng.toFixed(2),
    ji: r.scoreJi.toFixed(2),
    base: r.baseScore.toFixed(2),
    penalty: r.penaltyPoints.toFixed(2),
    commendation: r.commendationPoints.toFixed(2),
    total: r.total.toFixed(2),
    status: r.status,
    superseded: r.status === "finalised" && !isEffective(r),
    isCorrection: !!r.correctsId,
  }));
}
