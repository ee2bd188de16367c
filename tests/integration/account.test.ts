import { describe, expect, it } from "vitest";
import { signIn } from "../../server/domain/accounts/authenticate";
import { resolveSession } from "../../server/domain/accounts/session";
import { callerFor, createTestUser, refusalOf, sessionFor, signedInAs, useTestDatabase } from "./helpers";

// 修改密码 and the signed-in user's own data.
const t = useTestDatabase();
const NEW = "Brand-New-Kefu-9";

describe("account.changePassword", () => {
  it("changes the password, clears the pending flag, keeps this session and ends the others", async () => {
    const u = await createTestUser(t.db, { roles: ["staff"], mustChangePassword: true });
    const here = await sessionFor(t.db, u, { mustChangePassword: true });
    const elsewhere = await sessionFor(t.db, u, { mustChangePassword: true });

    // Allowed while the change is pending: it is how the pending state ends.
    await callerFor(t.db, here).account.changePassword({ currentPassword: u.password, newPassword: NEW, confirmPassword: NEW });

    expect(await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ mustChangePassword: false });
    expect(await resolveSession(t.db, here.sessionId)).toMatchObject({ id: u.id, mustChangePassword: false });
    expect(await resolveSession(t.db, elsewhere.sessionId)).toBeNull();
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip: "10.3.0.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(t.db, { loginName: u.loginName, password: NEW, ip: "10.3.0.1" })).toMatchObject({ ok: true, mustChangePassword: false });

    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "user.changeOwnPassword", entityId: u.id } });
    expect(entry.actorId).toBe(u.id);
    expect(JSON.stringify([entry.before, entry.after])).not.toMatch(/Brand-New|\$argon2/);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const { user, caller } = await signedInAs(t.db, ["staff"]);
    const hash = (await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const r = await refusalOf(caller.account.changePassword({ currentPassword: "not-mine-at-all", newPassword: NEW, confirmPassword: NEW }));
    expect([r.code, r.domainCode, r.message]).toEqual(["BAD_REQUEST", "WRONG_CURRENT_PASSWORD", "当前密码不正确。"]);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hash);
  });

  it("refuses the current password as the new one, a common one, and a mismatched confirmation", async () => {
    const { user, caller } = await signedInAs(t.db, ["staff"]);
    const same = await refusalOf(caller.account.changePassword({ currentPassword: user.password, newPassword: user.password, confirmPassword: user.password }));
    expect(same.domainCode).toBe("PASSWORD_UNCHANGED");
    const common = await refusalOf(caller.account.changePassword({ currentPassword: user.password, newPassword: "iloveyou", confirmPassword: "iloveyou" }));
    expect(common.domainCode).toBe("PASSWORD_TOO_COMMON");
    expect(common.fieldErrors).toEqual({ newPassword: "该密码过于常见，请换一个。" });
    // The same policy as an admin's reset (issue 16 #10).
    const repeated = await refusalOf(caller.account.changePassword({ currentPassword: user.password, newPassword: "aaaaaaaa", confirmPassword: "aaaaaaaa" }));
    expect(repeated.domainCode).toBe("PASSWORD_REPEATED");
    const spaces = await refusalOf(caller.account.changePassword({ currentPassword: user.password, newPassword: "        ", confirmPassword: "        " }));
    expect(spaces.domainCode).toBe("PASSWORD_BLANK");
    const mismatch = await refusalOf(caller.account.changePassword({ currentPassword: user.password, newPassword: NEW, confirmPassword: NEW + "x" }));
    expect(mismatch.fieldErrors).toEqual({ confirmPassword: "两次输入的密码不一致" });
    expect(await signIn(t.db, { loginName: user.loginName, password: user.password, ip: "10.3.0.2" })).toMatchObject({ ok: true });
  });

  it("refuses a caller who is not signed in", async () => {
    const r = await refusalOf(callerFor(t.db, null).account.changePassword({ currentPassword: "x", newPassword: NEW, confirmPassword: NEW }));
    expect([r.code, r.message]).toEqual(["UNAUTHORIZED", "请先登录。"]);
  });
});

describe("account.me / recentActivity", () => {
  it("returns who is signed in", async () => {
    const { user, caller } = await signedInAs(t.db, ["supervisor", "archivist"]);
    expect(await caller.account.me()).toEqual({ id: user.id, loginName: user.loginName, name: user.displayName, roles: ["supervisor", "archivist"], mustChangePassword: false });
  });

  it("shows the user's own latest actions only, newest first", async () => {
    const a = await signedInAs(t.db, ["admin"]);
    const b = await signedInAs(t.db, ["admin"]);
    await a.caller.admin.createProject({ code: "ACT-A1", name: "甲一" });
    await b.caller.admin.createProject({ code: "ACT-B1", name: "乙一" });
    await a.caller.admin.createProject({ code: "ACT-A2", name: "甲二" });
    const mine = await a.caller.account.recentActivity();
    expect(mine.map((e) => e.action)).toEqual(["project.create", "project.create"]);
    const projects = await t.db.project.findMany({ where: { code: { in: ["ACT-A1", "ACT-A2"] } }, orderBy: { code: "desc" } });
    expect(mine.map((e) => e.entityId)).toEqual(projects.map((p) => p.id));
  });
});
