import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import { writeAudit } from "../audit/audit-log";
import { dummyHash, verifyPassword } from "./password-hash";
import { ACCOUNT_MAX_FAILURES, IP_MAX_FAILURES, failureLookback, lockedUntil, minutesLeft } from "./lockout";

export type SignInRequest = { loginName: string; password: string; ip: string; userAgent?: string | null };
export type SignInResult =
  | { ok: true; userId: string; sessionId: string; displayName: string; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "locked" | "throttled"; minutes: number };

// Only these count towards a lock; attempts refused because of a lock do not extend it.
const COUNTED = ["bad-password", "unknown-user"];

/** Until when this login name's password sign-in is paused, or null. */
export async function accountLockedUntil(db: Db, loginName: string, lockResetAt: Date | null, now = new Date()): Promise<Date | null> {
  const lastSuccess = await db.loginAttempt.findFirst({ where: { loginName, success: true }, orderBy: { at: "desc" }, select: { at: true } });
  const rows = await db.loginAttempt.findMany({
    where: { loginName, success: false, reason: { in: COUNTED }, at: { gte: failureLookback(now) } },
    select: { at: true },
  });
  // Failures before an admin's unlock or before the last success no longer count.
  const from = [lockResetAt, lastSuccess?.at].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
  return lockedUntil(rows.map((r) => r.at), now, ACCOUNT_MAX_FAILURES, from);
}

export async function signIn(db: Db, req: SignInRequest, now = new Date()): Promise<SignInResult> {
  const loginName = req.loginName.trim().toLowerCase();
  const since = failureLookback(now);
  const record = (success: boolean, reason: string | null, userId: string | null) =>
    db.loginAttempt.create({ data: { loginName, userId, ip: req.ip, success, reason, at: now } });

  const ipFailures = await db.loginAttempt.findMany({
    where: { ip: req.ip, success: false, reason: { in: COUNTED }, at: { gte: since } },
    select: { at: true },
  });
  const ipLock = lockedUntil(ipFailures.map((f) => f.at), now, IP_MAX_FAILURES);
  if (ipLock) {
    await record(false, "throttled", null);
    return { ok: false, reason: "throttled", minutes: minutesLeft(ipLock, now) };
  }

  const user = await db.user.findUnique({
    where: { loginName },
    select: { id: true, displayName: true, passwordHash: true, isActive: true, mustChangePassword: true, lockResetAt: true },
  });
  const accountFailures = () => accountLockedUntil(db, loginName, user?.lockResetAt ?? null, now);

  const existingLock = await accountFailures();
  if (existingLock) {
    await record(false, "locked", user?.id ?? null);
    return { ok: false, reason: "locked", minutes: minutesLeft(existingLock, now) };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), req.password);
  if (!user || !passwordOk) {
    await record(false, user ? "bad-password" : "unknown-user", user?.id ?? null);
    const newLock = await accountFailures();
    if (newLock) {
      await inTransaction(db, (tx) =>
        writeAudit(tx, { id: null, name: "system", ip: req.ip }, {
          action: "auth.lock",
          entity: "User",
          entityId: user?.id ?? loginName,
          after: { loginName, lockedUntil: newLock.toISOString(), failures: ACCOUNT_MAX_FAILURES },
        }),
      );
      return { ok: false, reason: "locked", minutes: minutesLeft(newLock, now) };
    }
    return { ok: false, reason: "invalid" };
  }
  if (!user.isActive) {
    await record(false, "inactive", user.id);
    return { ok: false, reason: "inactive" };
  }

  const session = await inTransaction(db, async (tx) => {
    await tx.loginAttempt.create({ data: { loginName, userId: user.id, ip: req.ip, success: true, at: now } });
    const s = await tx.userSession.create({
      data: { userId: user.id, ip: req.ip, userAgent: req.userAgent?.slice(0, 300) ?? null, createdAt: now, lastSeenAt: now },
      select: { id: true },
    });
    await writeAudit(tx, { id: user.id, name: user.displayName, ip: req.ip }, { action: "auth.signIn", entity: "UserSession", entityId: s.id });
    return s;
  });
  return { ok: true, userId: user.id, sessionId: session.id, displayName: user.displayName, mustChangePassword: user.mustChangePassword };
}
