import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import { DomainError } from "../errors";

// Who may do what with the 来电来访登记 and its reports (DOMAIN "People and roles", 000 §13).
/** The front desk (staff) records calls and visits; anyone of the department who picks up the phone may. */
export const CONTACT_RECORDERS: readonly Role[] = ["staff", "supervisor", "manager"];
/** The register is the department's: the desk reads it all, the leads oversee it, the auditor reads. */
export const CONTACT_READERS: readonly Role[] = ["staff", "supervisor", "manager", "auditor"];
/** Correct or void any entry (a recorder may correct or void their own). */
export const CONTACT_LEADS: readonly Role[] = ["supervisor", "manager"];
/** 000 §13: the CS specialist (客服专员 = staff) compiles and signs the reports; the supervisor may stand in. */
export const REPORT_WRITERS: readonly Role[] = ["staff", "supervisor"];
/** Reports are read by the department, its leads and internal control. */
export const REPORT_READERS: readonly Role[] = ["staff", "supervisor", "manager", "auditor"];
/** A signed report is official: only the supervisor replaces it by a new version (with a reason). */
export const REPORT_SUPERSEDERS: readonly Role[] = ["supervisor"];

type Who = { id: string; roles: readonly Role[] };

export function canAmendContact(user: Who, c: { recordedById: string }): boolean {
  return c.recordedById === user.id || hasAnyRole(user.roles, CONTACT_LEADS);
}

export function assertMayAmend(user: Who, c: { recordedById: string }): void {
  if (!canAmendContact(user, c)) throw new DomainError("CONTACT_NOT_RECORDER");
}
