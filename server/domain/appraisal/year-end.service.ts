import Decimal from "decimal.js";
import type { Db } from "../../db/client";
import type { AppraisalKind } from "../../db/generated/client";
import { DomainError } from "../errors";
import { dayOf } from "../archive/retention";
import { APPRAISED_ROLES, visibleEmployeesWhere, type Viewer } from "./appraisal.policy";
import { periodLabel } from "./period";
import { showScore, yearEndTotal, type YearEndResult } from "./year-end";

// 员工年终绩效考核记录表 and 年度员工绩效考核情况统计表: the year-end formula over each person's
// finalised results of the year. A finalised result replaced by a finalised correction no longer
// counts (the correction does); results not yet finalised are listed as pending, never counted.

const CHECKS: AppraisalKind[] = ["weekly_check", "monthly_check"];

type Entry = { id: string; employeeId: string; kind: AppraisalKind; periodStart: Date; status: string; total: Decimal; correctedBy: { status: string } | null };

/** Finalised and not replaced by a finalised correction. */
export function isEffective(e: { status: string; correctedBy: { status: string } | null }): boolean {
  return e.status === "finalised" && e.correctedBy?.status !== "finalised";
}

async function entriesOf(db: Db, year: number, employeeIds: string[]): Promise<Entry[]> {
  if (employeeIds.length === 0) return [];
  // In SQL: a year of a department is ~5 000 entries, and Prisma's mapping of them with their
  // corrections (a second query over an IN list of every id) took ~200 ms of the table's page.
  const rows = await db.$queryRaw<{ id: string; employeeId: string; kind: AppraisalKind; periodStart: Date; status: string; total: string; correctedStatus: string | null }[]>`
    SELECT a."id", a."employeeId", a."kind"::text AS "kind", a."periodStart", a."status"::text AS "status", a."total"::text AS "total", c."status"::text AS "correctedStatus"
    FROM "Appraisal" a LEFT JOIN "Appraisal" c ON c."correctsId" = a."id"
    WHERE a."year" = ${year} AND a."employeeId" = ANY(${employeeIds}::uuid[])
    ORDER BY a."periodStart" ASC, a."createdAt" ASC, a."id" ASC`;
  return rows.map((r) => ({ id: r.id, employeeId: r.employeeId, kind: r.kind, periodStart: r.periodStart, status: r.status, total: new Decimal(r.total), correctedBy: r.correctedStatus === null ? null : { status: r.correctedStatus } }));
}

function formulaOf(entries: Entry[]): YearEndResult {
  const eff = entries.filter(isEffective);
  const yearEnds = eff.filter((e) => e.kind === "year_end");
  return yearEndTotal({
    checks: eff.filter((e) => CHECKS.includes(e.kind)).map((e) => e.total),
    monthly: eff.filter((e) => e.kind === "monthly").map((e) => e.total),
    // One 年终考评 per person and year (unique slot); its finalised correction replaces it.
    yearEnd: yearEnds.length ? yearEnds[yearEnds.length - 1]!.total : null,
  });
}

export function presentFormula(r: YearEndResult) {
  return {
    checksMean: showScore(r.checksMean),
    monthlyMean: showScore(r.monthlyMean),
    yearEnd: showScore(r.yearEnd),
    checksCount: r.checksCount,
    monthlyCount: r.monthlyCount,
    missing: r.missing,
    total: r.total ? r.total.toFixed(2) : null,
    outstanding: r.outstanding,
  };
}

async function visibleEmployees(db: Db, v: Viewer, employeeId?: string) {
  return db.user.findMany({
    where: { AND: [visibleEmployeesWhere(v), { roles: { some: { role: { in: [...APPRAISED_ROLES] } } } }, employeeId ? { id: employeeId } : { isActive: true }] },
    orderBy: { displayName: "asc" },
    select: { id: true, displayName: true, department: { select: { name: true } } },
  });
}

/** 年度员工绩效考核情况统计表: everyone this viewer may see, the formula, 12 monthly totals, rank. */
export async function yearEndTable(db: Db, v: Viewer, year: number) {
  const people = await visibleEmployees(db, v);
  const entries = await entriesOf(db, year, people.map((p) => p.id));
  // Grouped once: a department of 200 has ~5 000 entries a year, filtered per person it was 10⁶ steps.
  const byEmployee = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = byEmployee.get(e.employeeId);
    if (list) list.push(e);
    else byEmployee.set(e.employeeId, [e]);
  }
  const rows = people.map((p) => {
    const mine = byEmployee.get(p.id) ?? [];
    const months: (string | null)[] = Array.from({ length: 12 }, () => null);
    for (const e of mine.filter((x) => x.kind === "monthly" && isEffective(x))) months[e.periodStart.getUTCMonth()] = e.total.toFixed(2);
    return {
      employee: { id: p.id, name: p.displayName, department: p.department?.name ?? null },
      months,
      pending: mine.filter((e) => e.status !== "finalised").length,
      formula: formulaOf(mine),
    };
  });
  // Ranked by the year-end total; people with a part missing follow, unranked.
  const ranked = rows.filter((r) => r.formula.total).sort((a, b) => b.formula.total!.comparedTo(a.formula.total!));
  const rankOf = new Map<string, number>();
  ranked.forEach((r, i) => rankOf.set(r.employee.id, i > 0 && ranked[i - 1]!.formula.total!.eq(r.formula.total!) ? rankOf.get(ranked[i - 1]!.employee.id)! : i + 1));
  return {
    year,
    rows: rows
      .map((r) => ({ ...r, formula: presentFormula(r.formula), rank: rankOf.get(r.employee.id) ?? null }))
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.employee.name.localeCompare(b.employee.name, "zh-CN")),
  };
}

/** 员工年终绩效考核记录表 of one person: every entry of the year and what the formula makes of them. */
export async function yearEndRecord(db: Db, v: Viewer, input: { year: number; employeeId: string }) {
  const [person] = await visibleEmployees(db, v, input.employeeId);
  if (!person) throw new DomainError("NOT_FOUND");
  const entries = await entriesOf(db, input.year, [person.id]);
  return {
    year: input.year,
    employee: { id: person.id, name: person.displayName, department: person.department?.name ?? null },
    formula: presentFormula(formulaOf(entries)),
    // The 年终考评 closes the record: listed after the year's checks and monthly appraisals.
    entries: [...entries.filter((e) => e.kind !== "year_end"), ...entries.filter((e) => e.kind === "year_end")].map((e) => {
      const periodStart = dayOf(e.periodStart);
      const counted = isEffective(e) && e.kind !== "spot_check";
      return { id: e.id, kind: e.kind, period: periodLabel(e.kind, periodStart), status: e.status, total: e.total.toFixed(2), counted, superseded: e.status === "finalised" && !isEffective(e) };
    }),
  };
}
