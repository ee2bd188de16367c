import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import { BORROWERS, LENDERS, LOAN_APPROVERS, SECOND_APPROVER_ROLES } from "../borrowing/borrow.policy";
import { WEEDING_APPROVERS } from "../archive/archive.policy";
import { COMPLAINT_LEADS, COMPLAINT_READERS, COMPLAINT_STATS_READERS, REPAIR_APPROVERS } from "../complaints/complaints.policy";
import { APPRAISAL_FINALISERS, APPRAISAL_SCORERS, APPRAISED_ROLES } from "../appraisal/appraisal.policy";
import { ARCHIVE_STATS_READERS, LOAN_STATS_READERS } from "../statistics/statistics.policy";

// What the home dashboard shows whom (issue 9 §1). Each part follows the owning module's policy:
// one's own complaints and loans for those who have them, the approvals a role decides, and the
// department-wide figures only for the roles that read that module's statistics — a staff member
// sees their own work, never the department's.
export type DashboardParts = {
  myComplaints: boolean;
  complaintOverview: boolean;
  myLoans: boolean;
  desk: boolean;
  overdueLoans: boolean;
  loanApprovals: boolean;
  weedingApprovals: boolean;
  repairApprovals: boolean;
  appraisalsToScore: boolean;
  appraisalsToAcknowledge: boolean;
  appraisalsToFinalise: boolean;
  figures: { complaints: boolean; loans: boolean; archive: boolean; appraisals: boolean };
};

export function dashboardParts(roles: readonly Role[]): DashboardParts {
  const has = (list: readonly Role[]) => hasAnyRole(roles, list);
  return {
    myComplaints: has(COMPLAINT_READERS),
    complaintOverview: has(COMPLAINT_LEADS),
    myLoans: has(BORROWERS),
    desk: has(LENDERS),
    overdueLoans: has(LOAN_STATS_READERS),
    loanApprovals: has([...LOAN_APPROVERS, ...SECOND_APPROVER_ROLES]),
    weedingApprovals: has(WEEDING_APPROVERS),
    repairApprovals: has(REPAIR_APPROVERS),
    appraisalsToScore: has(APPRAISAL_SCORERS),
    appraisalsToAcknowledge: has(APPRAISED_ROLES),
    appraisalsToFinalise: has(APPRAISAL_FINALISERS),
    figures: {
      complaints: has(COMPLAINT_STATS_READERS),
      loans: has(LOAN_STATS_READERS),
      archive: has(ARCHIVE_STATS_READERS),
      // Scorers see their team's (supervisor) or everyone's (manager) finalised results.
      appraisals: has(APPRAISAL_SCORERS),
    },
  };
}
