import type { Db } from "../../db/client";
import type { SessionUser } from "../accounts/session";
import { hasAnyRole } from "../../auth/roles";
import { COMPLAINT_LEADS, COMPLAINT_READERS, REPAIR_APPROVERS } from "./complaints.policy";
import { mineWhere, overdueWhere, unassignedWhere } from "./complaints.read";
import { repairsAwaitingCount } from "./repairs.read";

/**
 * Sidebar counts: my open complaints (and, for the leads, the overdue and unassigned ones), and
 * the repair plans waiting for this person's approval. Indexed counts only.
 */
export async function complaintBadges(db: Db, user: SessionUser): Promise<Record<string, number>> {
  if (!hasAnyRole(user.roles, [...COMPLAINT_READERS, ...REPAIR_APPROVERS])) return {};
  const isLead = hasAnyRole(user.roles, COMPLAINT_LEADS);
  const now = new Date();
  const [mine, attention, repairs] = await Promise.all([
    db.complaint.count({ where: mineWhere(user.id) }),
    isLead ? db.complaint.count({ where: { OR: [overdueWhere(now), unassignedWhere()] } }) : Promise.resolve(0),
    hasAnyRole(user.roles, REPAIR_APPROVERS) ? repairsAwaitingCount(db, { id: user.id, name: user.name, roles: user.roles }) : Promise.resolve(0),
  ]);
  return { "/complaints": isLead ? attention : mine, "/complaints/repairs": repairs };
}
