import type { Db } from "../../db/client";
import type { SessionUser } from "../accounts/session";
import { hasAnyRole } from "../../auth/roles";
import { CONTACT_RECORDERS, REPORT_WRITERS } from "./contacts.policy";
import { latestDuePeriod, REPORT_KINDS } from "./report-periods";
import { liveKeyOf } from "./reports.service";
import { openFollowUps } from "./contacts.read";

/** Sidebar counts: open follow-ups for the desk, reports due and not signed for their writers. */
export async function contactBadges(db: Db, user: SessionUser): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  if (hasAnyRole(user.roles, CONTACT_RECORDERS)) {
    out["/contacts"] = await openFollowUps(db);
  }
  if (hasAnyRole(user.roles, REPORT_WRITERS)) {
    const now = new Date();
    const keys = REPORT_KINDS.map((k) => liveKeyOf(k, latestDuePeriod(k, now).key));
    const signed = await db.contactReport.count({ where: { liveKey: { in: keys }, status: "signed" } });
    out["/contacts/reports"] = keys.length - signed;
  }
  return out;
}
