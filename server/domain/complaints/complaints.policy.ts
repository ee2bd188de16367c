import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import { DomainError } from "../errors";

// Who may do what in 投诉与回访 (DOMAIN §3 and "People and roles"). Procedures use these lists
// with roleProcedure(); object-level rules (首接负责制, major callbacks) are the functions below.
export const COMPLAINT_READERS: readonly Role[] = ["staff", "supervisor", "manager"];
/** Take a complaint (front desk, and anyone of the department who picks up the phone). */
export const COMPLAINT_RECEIVERS: readonly Role[] = ["staff", "supervisor", "manager"];
/** Hand a complaint to a person or a department (the supervisor; the manager for major ones). */
export const COMPLAINT_ASSIGNERS: readonly Role[] = ["supervisor", "manager"];
/** Progress, reply, resolve: the responsible person (checked per complaint) or the leads. */
export const COMPLAINT_HANDLERS: readonly Role[] = ["staff", "supervisor", "manager"];
export const COMPLAINT_LEADS: readonly Role[] = ["supervisor", "manager"];
/** 回访: the receiver usually; major complaints by the supervisor or manager (001). */
export const CALLBACK_TAKERS: readonly Role[] = ["staff", "supervisor", "manager"];
export const MAJOR_CALLBACK_TAKERS: readonly Role[] = ["supervisor", "manager"];
/** Statistics and exports. */
export const COMPLAINT_STATS_READERS: readonly Role[] = ["supervisor", "manager"];
/** Categories, clock rules, repair thresholds and approvers: reference data. */
export const COMPLAINT_SETTINGS_ADMINS: readonly Role[] = ["admin"];
/** Work orders: registered and followed by the department. */
export const REPAIR_CLERKS: readonly Role[] = ["staff", "supervisor", "manager"];
/** Cost approvals: a manager-role account that the settings name as 工程部经理 or 总经理 (003). */
export const REPAIR_APPROVERS: readonly Role[] = ["manager"];

type Who = { id: string; roles: readonly Role[] };

/** 首接负责制: the assigned person, or else the receiver, answers for it; leads may act too. */
export function responsibleId(c: { assigneeId: string | null; receivedById: string }): string {
  return c.assigneeId ?? c.receivedById;
}

export function canHandle(user: Who, c: { assigneeId: string | null; receivedById: string }): boolean {
  return hasAnyRole(user.roles, COMPLAINT_LEADS) || responsibleId(c) === user.id;
}

export function assertMayHandle(user: Who, c: { assigneeId: string | null; receivedById: string }): void {
  if (!canHandle(user, c)) throw new DomainError("COMPLAINT_NOT_RESPONSIBLE");
}

export function assertMayCallBack(user: Who, c: { severity: "normal" | "major" }): void {
  if (c.severity === "major" && !hasAnyRole(user.roles, MAJOR_CALLBACK_TAKERS)) throw new DomainError("COMPLAINT_MAJOR_CALLBACK");
}

/**
 * The full contact number (a logged reveal): whoever handles the complaint, and whoever may call
 * it back once it is resolved. Everyone else sees it masked only.
 */
export function canRevealContact(user: Who, c: { status: string; severity: "normal" | "major"; assigneeId: string | null; receivedById: string }): boolean {
  if (canHandle(user, c)) return true;
  return c.status === "resolved" && hasAnyRole(user.roles, c.severity === "major" ? MAJOR_CALLBACK_TAKERS : CALLBACK_TAKERS);
}
