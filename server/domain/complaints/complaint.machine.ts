import { DomainError } from "../errors";

// 已受理 → 处理中 → 已处理 → 已回访 → 已关闭 (DOMAIN §3); a dissatisfied callback reopens it
// (处理中 again, counted). Pure: the service applies the result with a conditional update on the
// complaint's version, so a complaint changed meanwhile is a conflict, never a double step.
export type ComplaintStatus = "received" | "in_progress" | "resolved" | "called_back" | "closed";
export type SatisfactionLevel = "very_satisfied" | "satisfied" | "neutral" | "dissatisfied";

export type ComplaintAction =
  | "assign" // the supervisor hands it to a person or a department
  | "progress" // a progress note to the front desk (001: every 4 hours)
  | "reply" // the promised reply given to the complainant (002: within two days)
  | "resolve" // handled, with the result
  | "callback" // 回访 after resolution
  | "close" // 已回访 → 已关闭
  | "escalate"; // made 重大: the manager is told at once

export const OPEN_STATUSES: readonly ComplaintStatus[] = ["received", "in_progress"];

const FROM: Record<ComplaintAction, readonly ComplaintStatus[]> = {
  assign: OPEN_STATUSES,
  progress: OPEN_STATUSES,
  reply: OPEN_STATUSES,
  resolve: OPEN_STATUSES,
  callback: ["resolved"],
  close: ["called_back"],
  escalate: ["received", "in_progress", "resolved"],
};

/** The status after `action` (a callback's satisfaction decides whether it reopens). */
export function transition(from: ComplaintStatus, action: ComplaintAction, satisfaction?: SatisfactionLevel): ComplaintStatus {
  if (!FROM[action].includes(from)) throw new DomainError("COMPLAINT_WRONG_STATUS");
  switch (action) {
    case "assign":
    case "progress":
      return "in_progress";
    case "reply":
    case "escalate":
      return from;
    case "resolve":
      return "resolved";
    case "callback":
      if (!satisfaction) throw new DomainError("BAD_INPUT");
      return reopens(satisfaction) ? "in_progress" : "called_back";
    case "close":
      return "closed";
  }
}

/** 不满意 sends the complaint back to 处理中 (DOMAIN §3: a dissatisfied callback reopens it). */
export function reopens(satisfaction: SatisfactionLevel): boolean {
  return satisfaction === "dissatisfied";
}

/** Actions the complaint offers now (the page's buttons; the server checks again). */
export function availableActions(status: ComplaintStatus): ComplaintAction[] {
  return (Object.keys(FROM) as ComplaintAction[]).filter((a) => FROM[a].includes(status));
}

export function isOpen(status: ComplaintStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
