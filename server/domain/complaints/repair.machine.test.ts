import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { approvalLevelsFor, availableRepairActions, awaitedApproval, repairTransition, responsibleDeptFor, type RepairApprovals } from "./repair.machine";

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return "no error";
};

const pending = (o: Partial<RepairApprovals> = {}): RepairApprovals => ({ status: "pending_approval", needsGeneral: false, engApprovedAt: null, genApprovedAt: null, ...o });

describe("who repairs and who approves (003)", () => {
  it("sends warranty repairs to 工程部, others to 物业", () => {
    expect(responsibleDeptFor(true)).toBe("GCB");
    expect(responsibleDeptFor(false)).toBe("WYB");
  });

  it("needs the engineering manager up to 5000.00 元 and also the general manager above, to the fen", () => {
    expect(approvalLevelsFor("0", 5000)).toEqual(["engineering"]);
    expect(approvalLevelsFor("5000.00", "5000")).toEqual(["engineering"]);
    expect(approvalLevelsFor("5000.01", "5000")).toEqual(["engineering", "general"]);
    expect(approvalLevelsFor("6800", "5000")).toEqual(["engineering", "general"]);
    // 0.1 + 0.2 style float errors must not move an amount across the threshold.
    expect(approvalLevelsFor("4999.99", "4999.99")).toEqual(["engineering"]);
    expect(approvalLevelsFor("1000.5", "1000")).toEqual(["engineering", "general"]); // a configured limit
    expect(codeOf(() => approvalLevelsFor("-1", 5000))).toBe("REPAIR_COST_INVALID");
  });
});

describe("repair machine", () => {
  it("approves a small plan with the engineering manager alone", () => {
    expect(repairTransition(pending(), "approve", { level: "engineering" })).toEqual({ to: "approved", level: "engineering" });
    expect(codeOf(() => repairTransition(pending(), "approve", { level: "general" }))).toBe("REPAIR_AWAITS_ENGINEERING");
  });

  it("needs the review first and then the general manager for a large plan", () => {
    const o = pending({ needsGeneral: true });
    expect(awaitedApproval(o)).toBe("engineering");
    expect(codeOf(() => repairTransition(o, "approve", { level: "general" }))).toBe("REPAIR_AWAITS_ENGINEERING");
    expect(repairTransition(o, "approve", { level: "engineering" })).toEqual({ to: "pending_approval", level: "engineering" });
    const reviewed = { ...o, engApprovedAt: new Date() };
    expect(awaitedApproval(reviewed)).toBe("general");
    expect(codeOf(() => repairTransition(reviewed, "approve", { level: "engineering" }))).toBe("REPAIR_AWAITS_GENERAL");
    expect(repairTransition(reviewed, "approve", { level: "general" })).toEqual({ to: "approved", level: "general" });
    expect(repairTransition(reviewed, "reject", { level: "general" })).toEqual({ to: "rejected", level: "general" });
    expect(awaitedApproval({ ...reviewed, genApprovedAt: new Date() })).toBeNull();
  });

  it("lets a rejected plan be revised and submitted again", () => {
    expect(repairTransition(pending({ status: "rejected" }), "submitPlan")).toEqual({ to: "pending_approval" });
    expect(repairTransition(pending({ status: "registered" }), "submitPlan")).toEqual({ to: "pending_approval" });
    expect(codeOf(() => repairTransition(pending(), "submitPlan"))).toBe("REPAIR_WRONG_STATUS");
  });

  it("completes an approved repair only, and a dissatisfied callback sends it back", () => {
    expect(repairTransition(pending({ status: "approved" }), "complete")).toEqual({ to: "done" });
    expect(codeOf(() => repairTransition(pending(), "complete"))).toBe("REPAIR_WRONG_STATUS");
    expect(repairTransition(pending({ status: "done" }), "callback", { satisfaction: "satisfied" })).toEqual({ to: "called_back" });
    expect(repairTransition(pending({ status: "done" }), "callback", { satisfaction: "dissatisfied" })).toEqual({ to: "approved" });
    expect(codeOf(() => repairTransition(pending({ status: "called_back" }), "callback", { satisfaction: "satisfied" }))).toBe("REPAIR_WRONG_STATUS");
    expect(codeOf(() => repairTransition(pending({ status: "approved" }), "approve", { level: "engineering" }))).toBe("REPAIR_WRONG_STATUS");
  });

  it("offers each state's actions", () => {
    expect(availableRepairActions("registered")).toEqual(["submitPlan"]);
    expect(availableRepairActions("pending_approval")).toEqual(["approve", "reject"]);
    expect(availableRepairActions("called_back")).toEqual([]);
  });
});
