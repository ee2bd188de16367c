import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import { REGISTER_READERS } from "../borrowing/borrow.policy";
import { COMPLAINT_STATS_READERS } from "../complaints/complaints.policy";
import { APPRAISAL_READERS } from "../appraisal/appraisal.policy";

// Who reads which statistics (issue 9 §3). Department-wide figures are for those who run or
// audit the work: loans for the register's readers (archive room, leads, auditor), archive
// completeness for the archive room and the leads. Staff see only appraisal statistics, which
// the appraisal policy narrows to their own results.
export const LOAN_STATS_READERS: readonly Role[] = REGISTER_READERS;
export const ARCHIVE_STATS_READERS: readonly Role[] = ["archivist", "supervisor", "manager"];

export type StatisticsPage = { key: "complaints" | "appraisal" | "loans" | "archive"; href: string; roles: readonly Role[] };

/** The 统计 hub's entries, in the order the hub lists them. */
export const STATISTICS_PAGES: readonly StatisticsPage[] = [
  { key: "complaints", href: "/complaints/stats", roles: COMPLAINT_STATS_READERS },
  { key: "loans", href: "/borrowing/statistics", roles: LOAN_STATS_READERS },
  { key: "archive", href: "/archive/statistics", roles: ARCHIVE_STATS_READERS },
  { key: "appraisal", href: "/appraisal/statistics", roles: APPRAISAL_READERS },
];

export const STATISTICS_READERS: readonly Role[] = [...new Set(STATISTICS_PAGES.flatMap((p) => p.roles))];

export function statisticsPagesFor(roles: readonly Role[]): StatisticsPage[] {
  return STATISTICS_PAGES.filter((p) => hasAnyRole(roles, p.roles));
}
