import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import type { AppraisalAudience, AppraisalKind, Prisma } from "../../db/generated/client";
import { DomainError } from "../errors";
import { CHECK_KINDS } from "./dimensions";

// Who may do what in 绩效考核 (DOMAIN §4, "People and roles"; 002 篇2 4.1: 月考核 and 年终考评 are
// the manager's; the supervisor scores the team's 周检/月检/抽检). Everyone appraised sees their
// own results; supervisors their team (their department); managers everyone. The admin edits
// templates and sees no one's results; the auditor has the audit log.
// The department manager is appraised by the company, not in this department's portal.
export const APPRAISED_ROLES: readonly Role[] = ["staff", "archivist", "supervisor"];
export const APPRAISAL_READERS: readonly Role[] = ["staff", "archivist", "supervisor", "manager"];
export const APPRAISAL_SCORERS: readonly Role[] = ["supervisor", "manager"];
export const APPRAISAL_FINALISERS: readonly Role[] = ["manager"];
export const TEMPLATE_EDITORS: readonly Role[] = ["admin"];
export const TEMPLATE_READERS: readonly Role[] = ["admin", "supervisor", "manager"];
export const FINE_RECORDERS: readonly Role[] = ["supervisor", "manager"];

export type Viewer = { id: string; roles: readonly Role[]; departmentId: string | null };

export const isManager = (v: { roles: readonly Role[] }) => hasAnyRole(v.roles, ["manager"]);
export const isSupervisor = (v: { roles: readonly Role[] }) => hasAnyRole(v.roles, ["supervisor"]);

/** The employees whose results this viewer may see, as a Prisma User filter (in the query). */
export function visibleEmployeesWhere(v: Viewer): Prisma.UserWhereInput {
  if (isManager(v)) return {};
  if (isSupervisor(v) && v.departmentId) return { OR: [{ id: v.id }, { departmentId: v.departmentId }] };
  return { id: v.id };
}

/** The same rule for rows that belong to an employee (appraisals, fines). */
export function visibleRowsWhere(v: Viewer): { employee: Prisma.UserWhereInput } | Record<string, never> {
  return isManager(v) ? {} : { employee: visibleEmployeesWhere(v) };
}

/** Operational staff and managers are scored on different templates (002 篇2 4.3.3). */
export function audienceOf(roles: readonly Role[]): AppraisalAudience {
  return hasAnyRole(roles, ["supervisor", "manager"]) ? "management" : "operational";
}

/**
 * May this viewer score (create, edit, score, reopen) an assessment of `kind` for this employee?
 * Never their own; a supervisor only the checks of their own team; a manager any kind.
 */
export function assertMayScore(v: Viewer, employee: { id: string; departmentId: string | null }, kind: AppraisalKind): void {
  if (employee.id === v.id) throw new DomainError("APPRAISAL_SELF");
  if (isManager(v)) return;
  if (!isSupervisor(v)) throw new DomainError("FORBIDDEN");
  if (!CHECK_KINDS.includes(kind)) throw new DomainError("APPRAISAL_CHECKS_ONLY");
  if (!v.departmentId || employee.departmentId !== v.departmentId) throw new DomainError("NOT_FOUND");
}

export function mayScore(v: Viewer, employee: { id: string; departmentId: string | null }, kind: AppraisalKind): boolean {
  try {
    assertMayScore(v, employee, kind);
    return true;
  } catch {
    return false;
  }
}
