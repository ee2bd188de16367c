import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../server/domain/accounts/authenticate";
import { endSession, resolveSession } from "../../server/domain/accounts/session";
import { createTestUser, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 登录失败处理 and sessions, on a real database. Each test signs in from its own address so the
// per-address throttle of one test does not leak into another.
const t = useTestDatabase();
let asAdmin: Caller;
let ipSeq = 0;
const freshIp = () => `10.2.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
const MIN = 60_000;

beforeAll(async () => {
  asAdmin = (await signedInAs(t.db, ["admin"])).caller;
});

describe("signIn", () => {
  it("opens a server-side session on success and audits it", async () => {
    const u = await createTestUser(t.db, { roles: ["archivist"] });
    const ip = freshIp();
    const r = await signIn(t.db, { loginName: `  ${u.loginName.toUpperCase()} `, password: u.password, ip, userAgent: "Mozilla/5.0 test" });
    if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
    expect(r).toMatchObject({ userId: u.id, displayName: u.displayName, mustChangePassword: false });

    const s = await t.db.userSession.findUniqueOrThrow({ where: { id: r.sessionId } });
    expect(s).toMatchObject({ userId: u.id, ip, userAgent: "Mozilla/5.0 test", endedAt: null });
    expect(await resolveSession(t.db, r.sessionId)).toMatchObject({ id: u.id, roles: ["archivist"], loginName: u.loginName });
    expect(await t.db.auditLog.count({ where: { action: "auth.signIn", entityId: r.sessionId, actorId: u.id } })).toBe(1);
    expect(await t.db.loginAttempt.count({ where: { loginName: u.loginName, success: true } })).toBe(1);
  });

  it("answers a wrong password and an unknown login name alike", async () => {
    const u = await createTestUser(t.db);
    const ip = freshIp();
    expect(await signIn(t.db, { loginName: u.loginName, password: "not-the-password", ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(t.db, { loginName: "nobody-here", password: "not-the-password", ip })).toEqual({ ok: false, reason: "invalid" });
    const reasons = (await t.db.loginAttempt.findMany({ where: { ip }, orderBy: { id: "asc" } })).map((a) => a.reason);
    expect(reasons).toEqual(["bad-password", "unknown-user"]);
    expect(await t.db.userSession.count({ where: { userId: u.id } })).toBe(0);
  });

  it("locks the account on the 5th failure, audits the lock, and refuses even the right password", async () => {
    const u = await createTestUser(t.db);
    const ip = freshIp();
    for (let i = 1; i <= 4; i++) expect(await signIn(t.db, { loginName: u.loginName, password: `wrong-${i}`, ip }), `attempt ${i}`).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(t.db, { loginName: u.loginName, password: "wrong-5", ip })).toEqual({ ok: false, reason: "locked", minutes: 15 });

    const lock = await t.db.auditLog.findFirstOrThrow({ where: { action: "auth.lock", entityId: u.id } });
    expect(lock.actorId).toBeNull();
    expect(lock.after).toMatchObject({ loginName: u.loginName, failures: 5 });

    const refused = await signIn(t.db, { loginName: u.loginName, password: u.password, ip: freshIp() });
    expect(refused).toMatchObject({ ok: false, reason: "locked" });
    expect(await t.db.userSession.count({ where: { userId: u.id } })).toBe(0);
  });

  it("does not lock after 4 failures; a success then starts the count again", async () => {
    const u = await createTestUser(t.db);
    const ip = freshIp();
    for (let i = 0; i < 4; i++) await signIn(t.db, { loginName: u.loginName, password: "wrong", ip });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip })).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) expect(await signIn(t.db, { loginName: u.loginName, password: "wrong", ip })).toEqual({ ok: false, reason: "invalid" });
  });

  it("lifts the lock by itself after 15 minutes", async () => {
    const u = await createTestUser(t.db);
    const ip = freshIp();
    const t0 = new Date(Date.now() - 60 * MIN);
    for (let i = 0; i < 5; i++) await signIn(t.db, { loginName: u.loginName, password: "wrong", ip }, new Date(t0.getTime() + i * 1000));
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip }, new Date(t0.getTime() + 14.5 * MIN))).toMatchObject({ ok: false, reason: "locked", minutes: 1 });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip }, new Date(t0.getTime() + 16 * MIN))).toMatchObject({ ok: true });
  });

  it("admin.unlockSignIn lifts a lock at once", async () => {
    const u = await createTestUser(t.db);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await signIn(t.db, { loginName: u.loginName, password: "wrong", ip });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip })).toMatchObject({ reason: "locked" });
    await asAdmin.admin.unlockSignIn({ userId: u.id });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip })).toMatchObject({ ok: true });
  });

  it("throttles an address after 20 failures across accounts, not other addresses", async () => {
    const ip = freshIp();
    const victim = await createTestUser(t.db);
    for (let i = 0; i < 20; i++) {
      expect(await signIn(t.db, { loginName: `guess-${i}`, password: "123456", ip }), `failure ${i + 1}`).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn(t.db, { loginName: victim.loginName, password: victim.password, ip })).toEqual({ ok: false, reason: "throttled", minutes: 15 });
    expect(await t.db.userSession.count({ where: { userId: victim.id } })).toBe(0);
    // The same user from another address is not affected.
    expect(await signIn(t.db, { loginName: victim.loginName, password: victim.password, ip: freshIp() })).toMatchObject({ ok: true });
  });

  it("refuses a deactivated user with the right password, without revealing it for a wrong one", async () => {
    const u = await createTestUser(t.db, { isActive: false });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip: freshIp() })).toEqual({ ok: false, reason: "inactive" });
    expect(await signIn(t.db, { loginName: u.loginName, password: "wrong", ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    expect(await t.db.userSession.count({ where: { userId: u.id } })).toBe(0);
  });

  it("reports a pending password change", async () => {
    const u = await createTestUser(t.db, { mustChangePassword: true });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip: freshIp() })).toMatchObject({ ok: true, mustChangePassword: true });
  });
});

describe("sessions", () => {
  async function openSession() {
    const u = await createTestUser(t.db);
    const r = await signIn(t.db, { loginName: u.loginName, password: u.password, ip: freshIp() });
    if (!r.ok) throw new Error(r.reason);
    return { u, sessionId: r.sessionId };
  }

  it("ends a session idle for 30 minutes, for good", async () => {
    const { sessionId } = await openSession();
    const s = await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(await resolveSession(t.db, sessionId, new Date(s.lastSeenAt.getTime() + 29 * MIN))).not.toBeNull();
    // That request touched lastSeenAt; 30 idle minutes after it the session is over.
    const touched = await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(touched.lastSeenAt.getTime()).toBe(s.lastSeenAt.getTime() + 29 * MIN);
    expect(await resolveSession(t.db, sessionId, new Date(touched.lastSeenAt.getTime() + 30 * MIN))).toBeNull();
    expect(await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ endReason: "idle" });
    expect(await resolveSession(t.db, sessionId)).toBeNull();
  });

  it("ends a session 12 hours after sign-in however busy", async () => {
    const { sessionId } = await openSession();
    const s = await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    await t.db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(s.createdAt.getTime() + 12 * 60 * MIN - MIN) } });
    expect(await resolveSession(t.db, sessionId, new Date(s.createdAt.getTime() + 12 * 60 * MIN))).toBeNull();
    expect(await t.db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ endReason: "expired" });
  });

  it("signs out: the session stops resolving and the sign-out is audited", async () => {
    const { u, sessionId } = await openSession();
    await endSession(t.db, sessionId, "signed-out", "10.9.9.9");
    expect(await resolveSession(t.db, sessionId)).toBeNull();
    expect(await t.db.auditLog.findFirstOrThrow({ where: { action: "auth.signOut", entityId: sessionId } })).toMatchObject({ actorId: u.id, ip: "10.9.9.9" });
  });

  it("returns null for an unknown session id", async () => {
    expect(await resolveSession(t.db, "7d3f6a3e-5b8c-4a8e-9a47-0d1e2f3a4b5c")).toBeNull();
  });
});
