import type { WeedingKind, WeedingStatus } from "../../db/generated/client";
import { DomainError } from "../errors";

// 剔除/销毁 and 移出 lists (002 §2): a destruction list needs the manager's approval, a transfer
// list is carried out by the archivist directly. Pure: the service applies the result with a
// conditional update, so a list that changed meanwhile is a conflict, never a double decision.
export type WeedingAction = "submit" | "approve" | "reject" | "void" | "execute";

type Move = { from: WeedingStatus; to: WeedingStatus; kinds: readonly WeedingKind[] };

const MOVES: Record<WeedingAction, Move> = {
  submit: { from: "draft", to: "submitted", kinds: ["destroy"] },
  approve: { from: "submitted", to: "approved", kinds: ["destroy"] },
  reject: { from: "submitted", to: "rejected", kinds: ["destroy"] },
  // A draft nobody wants any more is voided, not deleted: the list stays on record.
  void: { from: "draft", to: "rejected", kinds: ["destroy", "transfer"] },
  execute: { from: "draft", to: "done", kinds: ["transfer"] },
};

/** The status after `action`, or a DomainError saying why the list cannot take it now. */
export function transition(list: { kind: WeedingKind; status: WeedingStatus; listNo?: string }, action: WeedingAction): WeedingStatus {
  const move = MOVES[action];
  if (!move.kinds.includes(list.kind)) throw new DomainError(list.kind === "transfer" ? "WEEDING_TRANSFER_NO_APPROVAL" : "WEEDING_DESTROY_NEEDS_APPROVAL");
  if (list.status !== move.from) throw new DomainError("WEEDING_WRONG_STATUS", { listNo: list.listNo ?? "" });
  return move.to;
}

/** The status a list must be in for `action` (the guard of the conditional update). */
export function fromStatusOf(action: WeedingAction): WeedingStatus {
  return MOVES[action].from;
}

/** Actions the list offers now, for the page's buttons (the server checks again). */
export function availableActions(list: { kind: WeedingKind; status: WeedingStatus }): WeedingAction[] {
  return (Object.keys(MOVES) as WeedingAction[]).filter((a) => MOVES[a].kinds.includes(list.kind) && MOVES[a].from === list.status);
}

/** Lists whose records are spoken for: a record may be on one open list at a time. */
export const OPEN_STATUSES: readonly WeedingStatus[] = ["draft", "submitted"];
