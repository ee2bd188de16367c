import type { Db } from "../../db/client";
import type { SessionUser } from "../accounts/session";
import { hasAnyRole } from "../../auth/roles";
import { APPRAISAL_FINALISERS } from "./appraisal.policy";

/**
 * Beside 考核记录: the person's own results waiting for their answer, plus (managers) results
 * confirmed by the employee and waiting to be finalised. Indexed counts (status, employeeId).
 */
export async function appraisalBadges(db: Db, user: SessionUser): Promise<Record<string, number>> {
  const [mine, toFinalise] = await Promise.all([
    db.appraisal.count({ where: { employeeId: user.id, status: "scored" } }),
    hasAnyRole(user.roles, APPRAISAL_FINALISERS) ? db.appraisal.count({ where: { status: "confirmed", employeeId: { not: user.id } } }) : 0,
  ]);
  return { "/appraisal": mine + toFinalise };
}
