import Decimal from "decimal.js";
import { DomainError } from "../errors";
import type { SatisfactionLevel } from "./complaint.machine";
import { reopens } from "./complaint.machine";

// 整改维修联系单 (003 保修期内物业维修管理流程): 报修 → who repairs (保修期内 工程部, otherwise
// 物业) → 维修方案 with its cost → 审核审批 (≤ 5000 元 the engineering manager; > 5000 元 the
// engineering manager reviews and the general manager approves) → 维修 → 回访 (001: 100 %).
export type RepairStatus = "registered" | "pending_approval" | "approved" | "rejected" | "done" | "called_back";
export type ApprovalLevel = "engineering" | "general";
export type RepairAction = "submitPlan" | "approve" | "reject" | "complete" | "callback";

/** Department codes (prisma/seed/departments.ts): 工程部 organises warranty repairs, 物业 the rest. */
export function responsibleDeptFor(isWarranty: boolean): "GCB" | "WYB" {
  return isWarranty ? "GCB" : "WYB";
}

/** The approvals a plan of this cost needs, in order. The limit itself is still the engineering manager's. */
export function approvalLevelsFor(cost: Decimal.Value, engineeringLimit: Decimal.Value): ApprovalLevel[] {
  const c = new Decimal(cost);
  if (c.isNegative()) throw new DomainError("REPAIR_COST_INVALID");
  return c.lessThanOrEqualTo(engineeringLimit) ? ["engineering"] : ["engineering", "general"];
}

export type RepairApprovals = { status: RepairStatus; needsGeneral: boolean; engApprovedAt: Date | null; genApprovedAt: Date | null };

/** The approval the order waits for now, or null. The general manager decides after the review. */
export function awaitedApproval(o: RepairApprovals): ApprovalLevel | null {
  if (o.status !== "pending_approval") return null;
  if (!o.engApprovedAt) return "engineering";
  if (o.needsGeneral && !o.genApprovedAt) return "general";
  return null;
}

const FROM: Record<RepairAction, readonly RepairStatus[]> = {
  submitPlan: ["registered", "rejected"],
  approve: ["pending_approval"],
  reject: ["pending_approval"],
  complete: ["approved"],
  callback: ["done"],
};

export type RepairMove = { to: RepairStatus; level?: ApprovalLevel };

/**
 * The status after `action`. An approval names its level: it must be the awaited one, and the
 * order is approved when no other level is left. A dissatisfied callback sends it back to repair.
 */
export function repairTransition(o: RepairApprovals, action: RepairAction, opts: { level?: ApprovalLevel; satisfaction?: SatisfactionLevel } = {}): RepairMove {
  if (!FROM[action].includes(o.status)) throw new DomainError("REPAIR_WRONG_STATUS");
  switch (action) {
    case "submitPlan":
      return { to: "pending_approval" };
    case "approve": {
      const awaited = awaitedApproval(o);
      if (!awaited || opts.level !== awaited) throw new DomainError(awaited === "general" ? "REPAIR_AWAITS_GENERAL" : "REPAIR_AWAITS_ENGINEERING");
      const left = awaited === "engineering" && o.needsGeneral;
      return { to: left ? "pending_approval" : "approved", level: awaited };
    }
    case "reject": {
      const awaited = awaitedApproval(o);
      if (!awaited || opts.level !== awaited) throw new DomainError(awaited === "general" ? "REPAIR_AWAITS_GENERAL" : "REPAIR_AWAITS_ENGINEERING");
      return { to: "rejected", level: awaited };
    }
    case "complete":
      return { to: "done" };
    case "callback":
      if (!opts.satisfaction) throw new DomainError("BAD_INPUT");
      return { to: reopens(opts.satisfaction) ? "approved" : "called_back" };
  }
}

export function availableRepairActions(status: RepairStatus): RepairAction[] {
  return (Object.keys(FROM) as RepairAction[]).filter((a) => FROM[a].includes(status));
}
