import type { AppraisalStatus } from "../../db/generated/client";
import { DomainError } from "../errors";

// DOMAIN §4 workflow: 草稿 → 已评分 (the scorer scores) → 已确认 (the employee acknowledges, or
// disputes with a comment) → 已定稿 (the manager finalises; nothing changes after that — a
// correction is a new entry). Before finalisation the scorer may take a result back to draft
// (e.g. to answer a dispute); it must then be scored and confirmed again. Pure: the service
// applies the result with a conditional update on the status it read.
export type AppraisalAction = "edit" | "score" | "acknowledge" | "dispute" | "reopen" | "finalise";

const MOVES: Record<AppraisalAction, { from: readonly AppraisalStatus[]; to: AppraisalStatus | "same" }> = {
  edit: { from: ["draft"], to: "same" },
  score: { from: ["draft"], to: "scored" },
  acknowledge: { from: ["scored"], to: "confirmed" },
  dispute: { from: ["scored"], to: "confirmed" },
  reopen: { from: ["scored", "confirmed"], to: "draft" },
  finalise: { from: ["confirmed"], to: "finalised" },
};

export const APPRAISAL_ACTIONS = Object.keys(MOVES) as AppraisalAction[];
export const APPRAISAL_STATUSES: readonly AppraisalStatus[] = ["draft", "scored", "confirmed", "finalised"];

/** The status after `action`, or a DomainError: APPRAISAL_FINALISED for anything on a finalised entry. */
export function transition(status: AppraisalStatus, action: AppraisalAction): AppraisalStatus {
  const move = MOVES[action];
  if (!move.from.includes(status)) throw new DomainError(status === "finalised" ? "APPRAISAL_FINALISED" : "APPRAISAL_WRONG_STATUS");
  return move.to === "same" ? status : move.to;
}

/** The statuses the conditional update accepts for `action`. */
export function fromStatusesOf(action: AppraisalAction): AppraisalStatus[] {
  return [...MOVES[action].from];
}

export function availableActions(status: AppraisalStatus): AppraisalAction[] {
  return APPRAISAL_ACTIONS.filter((a) => MOVES[a].from.includes(status));
}
