import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import { isRole, type Role } from "../../auth/roles";
import { writeAudit } from "../audit/audit-log";
import { judgeSession, needsTouch } from "./session-policy";

export type SessionUser = {
  id: string;
  sessionId: string;
  loginName: string;
  name: string;
  roles: Role[];
  mustChangePassword: boolean;
};

/**
 * Resolves a session id (from the next-auth token) to its user, re-reading the user and roles
 * on every request so deactivation and role changes apply at once. Ends idle or expired sessions.
 */
export async function resolveSession(db: Db, sessionId: string, now = new Date()): Promise<SessionUser | null> {
  const s = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      endedAt: true,
      user: { select: { id: true, loginName: true, displayName: true, isActive: true, mustChangePassword: true, roles: { select: { role: true } } } },
    },
  });
  if (!s) return null;
  const verdict = judgeSession(s, s.user.isActive, now);
  if (verdict !== "ok") {
    if (!s.endedAt) await db.userSession.updateMany({ where: { id: s.id, endedAt: null }, data: { endedAt: now, endReason: verdict } });
    return null;
  }
  if (needsTouch(s, now)) await db.userSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  return {
    id: s.user.id,
    sessionId: s.id,
    loginName: s.user.loginName,
    name: s.user.displayName,
    roles: s.user.roles.map((r) => r.role).filter(isRole),
    mustChangePassword: s.user.mustChangePassword,
  };
}

export async function endSession(db: Db, sessionId: string, reason: string, ip?: string | null): Promise<void> {
  const s = await db.userSession.findUnique({ where: { id: sessionId }, select: { endedAt: true, user: { select: { id: true, displayName: true } } } });
  if (!s || s.endedAt) return;
  await inTransaction(db, async (tx) => {
    await tx.userSession.update({ where: { id: sessionId }, data: { endedAt: new Date(), endReason: reason } });
    await writeAudit(tx, { id: s.user.id, name: s.user.displayName, ip }, { action: "auth.signOut", entity: "UserSession", entityId: sessionId });
  });
}
