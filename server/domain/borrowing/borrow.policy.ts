import type { Role } from "../../auth/roles";
import { DomainError } from "../errors";

// Who may do what in 借阅 (DOMAIN §2, "People and roles"). Procedures use the lists with
// roleProcedure(); the person-level rules (never your own request, a second approver who is
// someone else) are the functions below.
/** Ask to borrow (anyone who works with the archive). */
export const BORROWERS: readonly Role[] = ["staff", "archivist", "supervisor", "manager"];
/** Approve or reject loans and renewals: the department manager (002 §2(3)). */
export const LOAN_APPROVERS: readonly Role[] = ["manager"];
/** The roles the admin may name for the second approval of 机密 loans (BorrowSettings). */
export const SECOND_APPROVER_ROLES: readonly Role[] = ["manager", "supervisor"];
/** Hand records over and take them back: the archive room. */
export const LENDERS: readonly Role[] = ["archivist"];
/** Read the borrow register (借阅登记表). */
export const REGISTER_READERS: readonly Role[] = ["archivist", "supervisor", "manager", "auditor"];
/** Hand out property certificates (产权证) at the front desk or the archive room. */
export const CERTIFICATE_CLERKS: readonly Role[] = ["staff", "archivist"];
/** See the certificate hand-out book. */
export const CERTIFICATE_READERS: readonly Role[] = ["staff", "archivist", "supervisor", "manager", "auditor"];
/** Configure loan periods and the second approver's role. */
export const BORROW_SETTINGS_ADMINS: readonly Role[] = ["admin"];

/** A requester never approves their own request. */
export function assertNotOwnRequest(deciderId: string, requesterId: string): void {
  if (deciderId === requesterId) throw new DomainError("BORROW_SELF_APPROVAL");
}

/** The archivist who hands the files over is never the borrower (a staff member who also keeps the archive borrows through a colleague). */
export function assertNotOwnLoan(lenderId: string, requesterId: string): void {
  if (lenderId === requesterId) throw new DomainError("BORROW_SELF_LEND");
}

/** The second approval of a 机密 loan: the configured role, and neither the borrower nor the first approver. */
export function assertCanGiveSecondApproval(
  decider: { id: string; roles: readonly Role[] },
  loan: { requesterId: string; approvedById: string | null },
  secretApproverRole: Role,
): void {
  assertNotOwnRequest(decider.id, loan.requesterId);
  if (!decider.roles.includes(secretApproverRole)) throw new DomainError("BORROW_SECOND_APPROVER_ROLE");
  if (decider.id === loan.approvedById) throw new DomainError("BORROW_SECOND_SAME_APPROVER");
}

/** Withdrawing, confirming receipt and asking for a renewal are the borrower's own acts. */
export function assertBorrower(actorId: string, requesterId: string): void {
  if (actorId !== requesterId) throw new DomainError("BORROW_NOT_BORROWER");
}
