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
// and the month-by-month trend. Only results this viewer may see, only finalised ones, not replaced
// by a finalised correction. The database adds them up (groupBy); the means are taken in Node
// from the exact numeric sums with decimal.js, as they were from the rows.

const pad = (n: number) => String(n).padStart(2, "0");
function rangeOf(input: TStatistics): Prisma.DateTimeFilter {
  if (!input.month) return { gte: dateOfDay(`${input.year}-01-01`), lt: dateOfDay(`${input.year + 1}-01-01`) };
  const next = input.month === 12 ? `${input.year + 1}-01-01` : `${input.year}-${pad(input.month + 1)}-01`;
  return { gte: dateOfDay(`${input.year}-${pad(input.month)}-01`), lt: dateOfDay(next) };
}

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

/**
 * Finalised results of the period this viewer may see, not replaced by a finalised correction
 * (isEffective). The replaced ones are listed first — corrections are rare, read through the
 * unique correctsId index — because Prisma's relation filter joins every row of the period to
 * the whole table.
 */
function effectiveWhere(v: Viewer, input: TStatistics, superseded: string[]): Prisma.AppraisalWhereInput {
  return { AND: [visibleRowsWhere(v), { year: input.year, status: "finalised", periodStart: rangeOf(input), ...(superseded.length ? { id: { notIn: superseded } } : {}) }] };
}

async function supersededIds(db: Db): Promise<string[]> {
  const rows = await db.appraisal.findMany({ where: { correctsId: { not: null }, status: "finalised" }, select: { correctsId: true } });
  return rows.map((r) => r.correctsId!);
}

type Sum = { count: number; sum: Decimal };
const sumOf = (rows: Sum[]) => rows.reduce((a, r) => ({ count: a.count + r.count, sum: a.sum.plus(r.sum) }), { count: 0, sum: new Decimal(0) });
// The mean of the period's values from their count and exact sum (numeric in the database).
const meanOf = (s: Sum) => (s.count ? s.sum.div(s.count) : null);
const dec = (d: Prisma.Decimal | null) => new Decimal(d?.toString() ?? 0);

/**
 * The statistics the database adds up: per kind count, exact sum, best and worst; the sums of
 * 德勤能绩; per person the 月考核; per kind and period the totals of the year for the trend.
 * Only these groups reach Node — a few hundred rows, whatever the number of results.
 */
export async function statistics(db: Db, v: Viewer, input: TStatistics) {
  const superseded = await supersededIds(db);
  const where = effectiveWhere(v, input, superseded);
  const yearWhere = input.month ? effectiveWhere(v, { year: input.year }, superseded) : where;
  const [kinds, dims, people, periods] = await Promise.all([
    db.appraisal.groupBy({ by: ["kind"], where, _count: { _all: true }, _sum: { total: true }, _max: { total: true }, _min: { total: true } }),
    db.appraisal.aggregate({ where: { AND: [where, { kind: { not: "spot_check" } }] }, _count: { _all: true }, _sum: { scoreDe: true, scoreQin: true, scoreNeng: true, scoreJi: true } }),
    db.appraisal.groupBy({ by: ["employeeId"], where: { AND: [where, { kind: "monthly" }] }, _count: { _all: true }, _sum: { total: true } }),
    db.appraisal.groupBy({ by: ["kind", "periodStart"], where: { AND: [yearWhere, { kind: { in: ["monthly", "weekly_check", "monthly_check"] } }] }, _count: { _all: true }, _sum: { total: true } }),
  ]);
  const byKind = KINDS.map((kind) => {
    const k = kinds.find((r) => r.kind === kind);
    const count = k?._count._all ?? 0;
    return {
      kind,
      count,
      mean: showScore(meanOf({ count, sum: dec(k?._sum.total ?? null) })),
      max: count ? dec(k!._max.total).toFixed(2) : null,
      min: count ? dec(k!._min.total).toFixed(2) : null,
    };
  });
  const scored = dims._count._all;
  const dimensions = {
    de: showScore(meanOf({ count: scored, sum: dec(dims._sum.scoreDe) })),
    qin: showScore(meanOf({ count: scored, sum: dec(dims._sum.scoreQin) })),
    neng: showScore(meanOf({ count: scored, sum: dec(dims._sum.scoreNeng) })),
    ji: showScore(meanOf({ count: scored, sum: dec(dims._sum.scoreJi) })),
  };

  // Ranking by the mean of the 月考核 in the period (the manager's monthly appraisal, 4.1).
  const employees = people.length
    ? await db.user.findMany({ where: { id: { in: people.map((p) => p.employeeId) } }, select: { id: true, displayName: true, department: { select: { name: true } } } })
    : [];
  const named = new Map(employees.map((e) => [e.id, e]));
  const ranked = people
    .map((p) => {
      const e = named.get(p.employeeId)!;
      return { id: e.id, name: e.displayName, department: e.department?.name ?? null, count: p._count._all, mean: meanOf({ count: p._count._all, sum: dec(p._sum.total) })! };
    })
    .sort((a, b) => b.mean.comparedTo(a.mean) || a.name.localeCompare(b.name, "zh-CN"));
  const ranking = ranked.map((p, i) => ({
    rank: i > 0 && ranked[i - 1]!.mean.toDecimalPlaces(2).eq(p.mean.toDecimalPlaces(2)) ? 0 : i + 1,
    employee: { id: p.id, name: p.name, department: p.department },
    count: p.count,
    mean: showScore(p.mean)!,
    outstanding: p.mean.gt(100),
  }));
  for (let i = 1; i < ranking.length; i++) if (ranking[i]!.rank === 0) ranking[i]!.rank = ranking[i - 1]!.rank;

  // Trend: month by month across the year (for a month view, the year it belongs to).
  const checkKinds: AppraisalKind[] = ["weekly_check", "monthly_check"];
  const inMonth = (m: number, kinds: AppraisalKind[]) =>
    sumOf(periods.filter((r) => r.periodStart.getUTCMonth() === m && kinds.includes(r.kind)).map((r) => ({ count: r._count._all, sum: dec(r._sum.total) })));
  const trend = Array.from({ length: 12 }, (_, m) => ({
    month: m + 1,
    monthly: showScore(meanOf(inMonth(m, ["monthly"]))),
    checks: showScore(meanOf(inMonth(m, checkKinds))),
  }));
  const count = kinds.reduce((a, k) => a + k._count._all, 0);
  return { year: input.year, month: input.month ?? null, count, byKind, dimensions, ranking, trend };
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
