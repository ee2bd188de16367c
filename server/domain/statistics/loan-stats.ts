import Decimal from "decimal.js";
import type { BorrowStatus, BorrowType } from "../../db/generated/client";
import { rate, type Rate } from "../complaints/stats";
import { ON_LOAN_STATUSES } from "../borrowing/borrow.machine";
import { shanghaiDay } from "../time";
import { shanghaiMonthOf } from "./months";

// 借阅统计 (issue 9 §3): per Shanghai month the loans lent, returned and gone overdue; by borrow
// type and archive class; average days out; the overdue rate. Pure: the service reads the rows,
// this adds them up, so each figure is unit-tested with fixed instants.

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
  return [...m.entries()].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
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
