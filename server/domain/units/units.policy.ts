import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import { ARCHIVE_READERS, PII_REVEALERS } from "../archive/archive.policy";
import { BORROWERS, CERTIFICATE_READERS } from "../borrowing/borrow.policy";
import { maySeeAnySlip } from "../borrowing/loan-views";
import { COMPLAINT_READERS } from "../complaints/complaints.policy";

// 一户一档 joins four modules; each section follows the policy of the module it comes from, so
// the unit page never shows more than the module's own pages would (issue 10 §1).

/** Anyone who reads at least one of the joined modules may open a unit page. */
export const UNIT_READERS: readonly Role[] = [...new Set([...ARCHIVE_READERS, ...COMPLAINT_READERS, ...CERTIFICATE_READERS, ...BORROWERS])];

export type UnitSections = {
  /** Buyers with masked ID numbers: the archive's and the certificate desk's people. */
  owners: boolean;
  /** Archive records (机密 filtered by the archive policy) and client-file completeness. */
  archive: boolean;
  /** Loans: every slip (desk, approvers, register readers), only one's own (other borrowers), or none. */
  loans: "all" | "own" | null;
  /** Complaints with their clocks, callbacks and repairs. */
  complaints: boolean;
  /** Property-certificate hand-outs. */
  certificates: boolean;
  /** May reveal a buyer's full ID number with a logged reason. */
  reveal: boolean;
};

export function unitSectionsFor(roles: readonly Role[]): UnitSections {
  return {
    owners: hasAnyRole(roles, ARCHIVE_READERS) || hasAnyRole(roles, CERTIFICATE_READERS),
    archive: hasAnyRole(roles, ARCHIVE_READERS),
    loans: maySeeAnySlip(roles) ? "all" : hasAnyRole(roles, BORROWERS) ? "own" : null,
    complaints: hasAnyRole(roles, COMPLAINT_READERS),
    certificates: hasAnyRole(roles, CERTIFICATE_READERS),
    reveal: hasAnyRole(roles, PII_REVEALERS),
  };
}
