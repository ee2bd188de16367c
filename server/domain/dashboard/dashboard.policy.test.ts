import { describe, expect, it } from "vitest";
import { dashboardParts } from "./dashboard.policy";

describe("dashboardParts", () => {
  it("gives staff their own work and no department-wide figure", () => {
    const p = dashboardParts(["staff"]);
    expect([p.myComplaints, p.myLoans, p.appraisalsToAcknowledge]).toEqual([true, true, true]);
    expect([p.complaintOverview, p.desk, p.overdueLoans, p.loanApprovals, p.weedingApprovals, p.repairApprovals, p.appraisalsToScore, p.appraisalsToFinalise]).toEqual([false, false, false, false, false, false, false, false]);
    expect(p.figures).toEqual({ complaints: false, loans: false, archive: false, appraisals: false });
  });

  it("gives the manager every approval and every figure, and nothing to acknowledge", () => {
    const p = dashboardParts(["manager"]);
    expect([p.loanApprovals, p.weedingApprovals, p.repairApprovals, p.appraisalsToScore, p.appraisalsToFinalise]).toEqual([true, true, true, true, true]);
    expect(p.appraisalsToAcknowledge).toBe(false);
    expect(p.figures).toEqual({ complaints: true, loans: true, archive: true, appraisals: true });
  });

  it("gives the archivist the desk and the archive and loan figures, no complaints", () => {
    const p = dashboardParts(["archivist"]);
    expect([p.desk, p.figures.loans, p.figures.archive, p.myComplaints, p.figures.complaints]).toEqual([true, true, true, false, false]);
  });

  it("gives the admin nothing to decide and the auditor only the loan figures", () => {
    const a = dashboardParts(["admin"]);
    expect(Object.values({ ...a, figures: undefined }).filter((v) => v === true)).toEqual([]);
    const au = dashboardParts(["auditor"]);
    expect(au.figures).toEqual({ complaints: false, loans: true, archive: false, appraisals: false });
    expect([au.myLoans, au.loanApprovals, au.overdueLoans]).toEqual([false, false, true]);
  });
});
