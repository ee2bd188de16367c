import "server-only";
import type { Db } from "@/server/db/client";
import type { SessionUser } from "@/server/domain/accounts/session";
import { createTtlCache } from "@/server/cache/ttl-cache";
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

// Every page draws the badges, so they are cached per user and role set for a few seconds and
// 50 simultaneous requests of one user share one round of counts. A badge may lag a change by
// up to BADGE_TTL_MS (nothing invalidates on write): these are reminders, and the lists
// themselves are always read fresh.
const BADGE_TTL_MS = 5_000;
const cache = createTtlCache<Record<string, number>>({ ttlMs: BADGE_TTL_MS, maxEntries: 1_000 });

async function countBadges(db: Db, user: SessionUser): Promise<Record<string, number>> {
  const parts = await Promise.all(SOURCES.map((source) => source(db, user)));
  return Object.assign({}, ...parts);
}

export async function sidebarBadges(db: Db, user: SessionUser): Promise<Record<string, number>> {
  return cache.get(`${user.id}:${[...user.roles].sort().join(",")}`, () => countBadges(db, user));
}
