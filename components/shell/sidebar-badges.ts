import "server-only";
import type { Db } from "@/server/db/client";
import type { SessionUser } from "@/server/domain/accounts/session";
import { deskBadge } from "@/server/domain/borrowing/loan-views";
import { approvalsBadge } from "@/server/domain/borrowing/approvals.service";
import { complaintBadges } from "@/server/domain/complaints/badges";
import { appraisalBadges } from "@/server/domain/appraisal/badges";
import { stockTakeBadges } from "@/server/domain/labels/badges";
import { contactBadges } from "@/server/domain/contacts/badges";

/**
 * Counts shown beside sidebar entries (by href): what waits for this person, e.g. approvals.
 * Each module adds one entry; each must be a cheap indexed count, since every page draws it.
 */
type BadgeSource = (db: Db, user: SessionUser) => Promise<Record<string, number>>;

const SOURCES: BadgeSource[] = [
  (db, user) => deskBadge(db, user.roles),
  (db, user) => approvalsBadge(db, user),
  complaintBadges,
  appraisalBadges,
  stockTakeBadges,
  contactBadges,
];

export async function sidebarBadges(db: Db, user: SessionUser): Promise<Record<string, number>> {
  const parts = await Promise.all(SOURCES.map((source) => source(db, user)));
  return Object.assign({}, ...parts);
}
