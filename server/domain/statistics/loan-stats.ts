import Decimal from "decimal.js";
import type { BorrowStatus, BorrowType } from "../../db/generated/client";
import { rate, sortedCounts, type Rate } from "../complaints/stats";
import { ON_LOAN_STATUSES } from "../borrowing/borrow.machine";
import { shanghaiDay } from "../time";
import { shanghaiMonthOf } from "./months";

// 借阅统计 (issue 9 §3): per Shanghai month the loans lent, returned and gone overdue; by borrow
// type and archive class; average days out; the overdue rate. The database adds the period's
// loans up (loan-stats.read.ts) and loanStatsOf turns its groups into the figures;
// aggregateLoanStats is the same rule over rows, unit-tested with fixed instants and kept as the
// reference the SQL is checked against.

export type LoanRow = {
  borrowType: BorrowType;
  status: BorrowStatus;
  lentAt: Date | null;
  returnedAt: Date | null;
  /** The Shanghai day the records are due back, `yyyy-mm-dd`. */
  dueOn: string;
  /** The archive class of each record on the slip. */
  classes: string[];
};

export type MonthLoans = { month: string; lent: number; returned: number; overdue: number };

/**
 * A lent loan went overdue when it came back on a Shanghai day after its due day, or is still out
 * and today is past its due day (the same rule as the desk's 逾期 tab).
 */
export function wentOverdue(r: Pick<LoanRow, "lentAt" | "returnedAt" | "dueOn" | "status">, now: Date): boolean {
  if (!r.lentAt) return false;
  if (r.returnedAt) return shanghaiDay(r.returnedAt) > r.dueOn;
  return ON_LOAN_STATUSES.includes(r.status) && shanghaiDay(now) > r.dueOn;
}

function countBy(values: string[]): { name: string; count: number }[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return sortedCounts(m);
}

const DAY_MS = 86_400_000;

export function aggregateLoanStats(rows: LoanRow[], months: string[], now: Date) {
  const inPeriod = new Set(months);
  const lent = rows.filter((r) => r.lentAt && inPeriod.has(shanghaiMonthOf(r.lentAt)));
  const returned = rows.filter((r) => r.lentAt && r.returnedAt && inPeriod.has(shanghaiMonthOf(r.returnedAt)));
  // Overdue is counted in the month of the due day: that is when the loan should have come back.
  const due = rows.filter((r) => r.lentAt && inPeriod.has(r.dueOn.slice(0, 7)));
  const overdue = due.filter((r) => wentOverdue(r, now));
  const byMonth: MonthLoans[] = months.map((month) => ({
    month,
    lent: lent.filter((r) => shanghaiMonthOf(r.lentAt!) === month).length,
    returned: returned.filter((r) => shanghaiMonthOf(r.returnedAt!) === month).length,
    overdue: overdue.filter((r) => r.dueOn.slice(0, 7) === month).length,
  }));
  const totalMs = returned.reduce((sum, r) => sum.plus(r.returnedAt!.getTime() - r.lentAt!.getTime()), new Decimal(0));
  const averageDaysOut: string | null = returned.length ? totalMs.div(DAY_MS).div(returned.length).toFixed(1) : null;
  const overdueRate: Rate = rate(overdue.length, due.length);
  return {
    lent: lent.length,
    returned: returned.length,
    overdue: overdue.length,
    byMonth,
    byType: countBy(lent.map((r) => r.borrowType)),
    byClass: countBy(lent.flatMap((r) => r.classes)),
    averageDaysOut,
    overdueRate,
  };
}

export type LoanStats = ReturnType<typeof aggregateLoanStats>;

/** What the database adds up per group (loan-stats.read.ts): counts, and the days out in ms. */
export type LoanGroups = {
  /** Lent in the period, per Shanghai month of lending and borrow type. */
  lent: { month: string; type: string; n: number }[];
  /** Returned in the period, per Shanghai month of return, with the sum of (returnedAt − lentAt) in ms. */
  returned: { month: string; n: number; ms: string }[];
  /** Due in the period (lent ones), per month of the due day, and how many of them went overdue. */
  due: { month: string; n: number; overdue: number }[];
  /** The archive classes of the records on the period's lent slips. */
  classes: { name: string; n: number }[];
};

function sumBy<T>(rows: T[], key: (r: T) => string, value: (r: T) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return m;
}

/** The figures of aggregateLoanStats from the database's groups (the same shape, exactly). */
export function loanStatsOf(g: LoanGroups, months: string[]): LoanStats {
  const inPeriod = new Set(months);
  const lent = g.lent.filter((r) => inPeriod.has(r.month));
  const returned = g.returned.filter((r) => inPeriod.has(r.month));
  const due = g.due.filter((r) => inPeriod.has(r.month));
  const lentBy = sumBy(lent, (r) => r.month, (r) => r.n);
  const returnedBy = sumBy(returned, (r) => r.month, (r) => r.n);
  const overdueBy = sumBy(due, (r) => r.month, (r) => r.overdue);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const returnedCount = total(returnedBy);
  const totalMs = returned.reduce((sum, r) => sum.plus(r.ms), new Decimal(0));
  const overdue = total(overdueBy);
  return {
    lent: total(lentBy),
    returned: returnedCount,
    overdue,
    byMonth: months.map((month) => ({ month, lent: lentBy.get(month) ?? 0, returned: returnedBy.get(month) ?? 0, overdue: overdueBy.get(month) ?? 0 })),
    byType: sortedCounts(sumBy(lent, (r) => r.type, (r) => r.n)),
    byClass: sortedCounts(sumBy(g.classes, (r) => r.name, (r) => r.n)),
    averageDaysOut: returnedCount ? totalMs.div(DAY_MS).div(returnedCount).toFixed(1) : null,
    overdueRate: rate(overdue, due.reduce((a, r) => a + r.n, 0)),
  };
}
