import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import { DomainError } from "../errors";

// Who may do what in 档案管理 (DOMAIN §1 and "People and roles"). Procedures use these lists
// with roleProcedure(); object-level rules (机密) are the functions below.
export const ARCHIVE_READERS: readonly Role[] = ["staff", "archivist", "supervisor", "manager"];
/** Register new files (staff register archives; the archivist files them). */
export const ARCHIVE_REGISTRARS: readonly Role[] = ["staff", "archivist"];
/** Keep the archive room: hand-overs, locations, status, weeding lists, attachments' purge. */
export const ARCHIVE_KEEPERS: readonly Role[] = ["archivist"];
/** Approve weeding and destruction (002 §2). */
export const WEEDING_APPROVERS: readonly Role[] = ["manager"];
/** See a full ID number or phone, with a logged reason (004 第二十三条). */
export const PII_REVEALERS: readonly Role[] = ["archivist", "manager"];
/** 机密 files are visible to these roles only (the borrower of an approved loan comes with 借阅). */
export const SECRET_READERS: readonly Role[] = ["archivist", "manager"];
/** Configure archive classes and checklists. */
export const CLASS_ADMINS: readonly Role[] = ["admin"];

export function canSeeSecret(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, SECRET_READERS);
}

/** A Prisma `where` fragment: the records this user may see at all. */
export function visibleRecordsWhere(roles: readonly Role[]) {
  return canSeeSecret(roles) ? {} : { confidentiality: { not: "secret" as const } };
}

/** For a single record fetched by id: 机密 to others reads as "not found or not yours". */
export function assertMaySee(roles: readonly Role[], record: { confidentiality: string }): void {
  if (record.confidentiality === "secret" && !canSeeSecret(roles)) throw new DomainError("ARCHIVE_SECRET");
}
