import type { BorrowStatus } from "../../db/generated/client";
import { DomainError } from "../errors";

// 借阅 (DOMAIN §2): 申请 → 已批准 / 已驳回 → 已借出 → 已归还, plus 已撤回 and 已续借; a 机密
// record makes the first approval lead to 待复核 (the second approval). Pure: the service applies
// the result with a conditional update on the status it read, so a loan that moved meanwhile is a
// conflict, never a double decision.
export type BorrowAction = "approve" | "secondApprove" | "reject" | "withdraw" | "lend" | "renew" | "return";

type Move = { from: readonly BorrowStatus[]; to: (loan: LoanState) => BorrowStatus };
export type LoanState = { status: BorrowStatus; needsSecondApproval: boolean; requestNo?: string };

const ON_LOAN: readonly BorrowStatus[] = ["lent", "renewed"];

const MOVES: Record<BorrowAction, Move> = {
  approve: { from: ["requested"], to: (l) => (l.needsSecondApproval ? "pending_second" : "approved") },
  secondApprove: { from: ["pending_second"], to: () => "approved" },
  reject: { from: ["requested", "pending_second"], to: () => "rejected" },
  // Before the records leave the room the borrower may change their mind.
  withdraw: { from: ["requested", "pending_second", "approved"], to: () => "withdrawn" },
  lend: { from: ["approved"], to: () => "lent" },
  renew: { from: ON_LOAN, to: () => "renewed" },
  return: { from: ON_LOAN, to: () => "returned" },
};

/** The status after `action`, or a DomainError saying why the loan cannot take it now. */
export function transition(loan: LoanState, action: BorrowAction): BorrowStatus {
  const move = MOVES[action];
  if (!move.from.includes(loan.status)) {
    throw new DomainError("BORROW_WRONG_STATUS", { requestNo: loan.requestNo ?? "", status: loan.status, action });
  }
  return move.to(loan);
}

/** The statuses `action` may start from (the guard of the conditional update). */
export function fromStatusesOf(action: BorrowAction): readonly BorrowStatus[] {
  return MOVES[action].from;
}

/** Actions the loan's status allows now (the page's buttons; who may press them is borrow.policy). */
export function availableActions(loan: LoanState): BorrowAction[] {
  return (Object.keys(MOVES) as BorrowAction[]).filter((a) => MOVES[a].from.includes(loan.status));
}

/** The records of a loan in one of these statuses are held by it (reserved or out of the room). */
export const HOLDING_STATUSES: readonly BorrowStatus[] = ["approved", "lent", "renewed"];
/** Waiting for a decision by an approver. */
export const AWAITING_DECISION: readonly BorrowStatus[] = ["requested", "pending_second"];
export const ON_LOAN_STATUSES = ON_LOAN;
/** Finished one way or another; nothing more happens to these. */
export const CLOSED_STATUSES: readonly BorrowStatus[] = ["rejected", "returned", "withdrawn"];
