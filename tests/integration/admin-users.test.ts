import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../server/domain/accounts/authenticate";
import { resolveSession } from "../../server/domain/accounts/session";
import { callerFor, createTestUser, refusalOf, sessionFor, signedInAs, useTestDatabase, type Caller, type TestUser } from "./helpers";

// 用户管理 through the admin router, on a real database (PGlite or PostgreSQL).
const t = useTestDatabase();
let admin: TestUser;
let asAdmin: Caller;
const PASSWORD = "Kefu-Initial-2026";

beforeAll(async () => {
  const a = await signedInAs(t.db, ["admin"], { loginName: "it-admin" });
  admin = a.user;
  asAdmin = a.caller;
});

const counts = async () => ({ users: await t.db.user.count(), roles: await t.db.roleAssignment.count(), audit: await t.db.auditLog.count() });
const lastAudit = (action: string, entityId?: string) =>
  t.db.auditLog.findFirstOrThrow({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: "desc" } });

describe("admin.createUser", () => {
  it("creates the user with a pending password change and writes a before/after audit entry without the hash", async () => {
    const created = await asAdmin.admin.createUser({ loginName: "  WangFang ", displayName: "王芳", phone: "13812345678", roles: ["staff", "archivist"], initialPassword: PASSWORD });
    expect(created).toMatchObject({ loginName: "wangfang", displayName: "王芳", phone: "13812345678", isActive: true, mustChangePassword: true, roles: ["staff", "archivist"] });
    expect(created).not.toHaveProperty("passwordHash");

    const entry = await lastAudit("user.create", created.id);
    expect(entry).toMatchObject({ actorId: admin.id, actorName: admin.displayName, entity: "User", ip: "127.0.0.1", before: null });
    expect(entry.after).toMatchObject({ id: created.id, loginName: "wangfang", displayName: "王芳", roles: ["staff", "archivist"], mustChangePassword: true });
    const text = JSON.stringify([entry.before, entry.after]);
    expect(text).not.toMatch(/passwordHash|\$argon2/);
    expect(text).not.toContain(PASSWORD);
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);

    // The stored password is a hash, and the initial password signs in (and must be changed).
    const row = await t.db.user.findUniqueOrThrow({ where: { id: created.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const r = await signIn(t.db, { loginName: "wangfang", password: PASSWORD, ip: "10.1.0.1" });
    expect(r).toMatchObject({ ok: true, userId: created.id, mustChangePassword: true });
  });

  it("refuses a login name already taken, in any case, as CONFLICT with a Chinese message, changing nothing", async () => {
    const before = await counts();
    const r = await refusalOf(asAdmin.admin.createUser({ loginName: "WANGFANG", displayName: "另一个王芳", roles: ["staff"], initialPassword: PASSWORD }));
    expect(r.code).toBe("CONFLICT");
    expect(r.domainCode).toBe("LOGIN_NAME_TAKEN");
    expect(r.message).toBe("登录名 wangfang 已被使用。");
    const en = await refusalOf(callerFor(t.db, await sessionFor(t.db, admin), { locale: "en" }).admin.createUser({ loginName: "wangfang", displayName: "x", roles: ["staff"], initialPassword: PASSWORD }), "en");
    expect(en.message).toBe("The login name wangfang is taken.");
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input field by field and changes nothing", async () => {
    const before = await counts();
    const r = await refusalOf(asAdmin.admin.createUser({ loginName: "9x", displayName: " ", phone: "12345", roles: [], initialPassword: "short" }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.message).toBe("输入有误，请检查标红的字段。");
    expect(r.fieldErrors).toEqual({
      loginName: "3–32 位，以字母开头，只能包含字母、数字、点、下划线或短横线",
      displayName: "必填",
      phone: "请输入正确的手机号或座机号",
      roles: "至少选择一个角色",
      initialPassword: "密码至少 8 位",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a common password or one containing the login name, changing nothing", async () => {
    const before = await counts();
    const common = await refusalOf(asAdmin.admin.createUser({ loginName: "liuyang", displayName: "刘洋", roles: ["staff"], initialPassword: "Password1" }));
    expect([common.code, common.domainCode, common.message]).toEqual(["BAD_REQUEST", "PASSWORD_TOO_COMMON", "该密码过于常见，请换一个。"]);
    const withLogin = await refusalOf(asAdmin.admin.createUser({ loginName: "liuyang", displayName: "刘洋", roles: ["staff"], initialPassword: "LiuYang#2026" }));
    expect(withLogin.domainCode).toBe("PASSWORD_CONTAINS_LOGIN");
    expect(await counts()).toEqual(before);
  });
});

describe("admin.updateUser / getUser / listUsers", () => {
  it("updates name, phone and department, auditing before and after", async () => {
    const u = await createTestUser(t.db, { roles: ["staff"], displayName: "赵磊" });
    const dept = await t.db.department.create({ data: { code: `D${Date.now()}`, name: "客服一部" } });
    const after = await asAdmin.admin.updateUser({ userId: u.id, displayName: "赵磊磊", phone: "010-12345678", departmentId: dept.id });
    expect(after).toMatchObject({ displayName: "赵磊磊", phone: "010-12345678", departmentId: dept.id });
    const entry = await lastAudit("user.update", u.id);
    expect(entry.before).toMatchObject({ displayName: "赵磊", phone: null, departmentId: null });
    expect(entry.after).toMatchObject({ displayName: "赵磊磊", phone: "010-12345678", departmentId: dept.id });
    const got = await asAdmin.admin.getUser({ userId: u.id });
    expect(got.department?.name).toBe("客服一部");
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const r = await refusalOf(asAdmin.admin.getUser({ userId: "7d3f6a3e-5b8c-4a8e-9a47-0d1e2f3a4b5c" }));
    expect([r.code, r.message]).toEqual(["NOT_FOUND", "记录不存在或您无权查看。"]);
  });

  it("filters by text, role and status, and pages", async () => {
    const marker = `lst${Date.now() % 100000}`;
    for (let i = 0; i < 7; i++) await createTestUser(t.db, { loginName: `${marker}-${i}`, roles: i < 3 ? ["manager"] : ["staff"], isActive: i !== 6 });
    const all = await asAdmin.admin.listUsers({ q: marker.toUpperCase(), pageSize: 5 });
    expect(all.total).toBe(7);
    expect(all.rows).toHaveLength(5);
    const page2 = await asAdmin.admin.listUsers({ q: marker, pageSize: 5, page: 2 });
    expect(page2.rows).toHaveLength(2);
    expect(new Set([...all.rows, ...page2.rows].map((r) => r.loginName)).size).toBe(7);
    expect((await asAdmin.admin.listUsers({ q: marker, role: "manager" })).total).toBe(3);
    const inactive = await asAdmin.admin.listUsers({ q: marker, status: "inactive" });
    expect(inactive.rows.map((r) => r.loginName)).toEqual([`${marker}-6`]);
    expect(JSON.stringify(all)).not.toMatch(/passwordHash|\$argon2/);
  });
});

describe("admin.setRoles", () => {
  it("replaces the roles, audits before/after, and the next request sees the new roles", async () => {
    const u = await createTestUser(t.db, { roles: ["staff"] });
    const s = await sessionFor(t.db, u);
    const after = await asAdmin.admin.setRoles({ userId: u.id, roles: ["supervisor", "archivist", "supervisor"] });
    expect(after.roles).toEqual(["archivist", "supervisor"]);
    const entry = await lastAudit("user.setRoles", u.id);
    expect(entry.before).toMatchObject({ roles: ["staff"] });
    expect(entry.after).toMatchObject({ roles: ["archivist", "supervisor"] });
    expect((await resolveSession(t.db, s.sessionId))?.roles.sort()).toEqual(["archivist", "supervisor"]);
  });

  it("will not let the admin remove their own admin role", async () => {
    const r = await refusalOf(asAdmin.admin.setRoles({ userId: admin.id, roles: ["staff"] }));
    expect([r.code, r.domainCode, r.message]).toEqual(["BAD_REQUEST", "CANNOT_REMOVE_OWN_ADMIN", "不能移除自己的系统管理员角色。"]);
    expect((await t.db.roleAssignment.findMany({ where: { userId: admin.id } })).map((r) => r.role)).toEqual(["admin"]);
  });

  it("refuses an empty role list", async () => {
    const u = await createTestUser(t.db);
    const r = await refusalOf(asAdmin.admin.setRoles({ userId: u.id, roles: [] }));
    expect(r.fieldErrors).toEqual({ roles: "至少选择一个角色" });
  });
});

describe("admin.setActive", () => {
  it("deactivating ends every session at once and refuses further sign-in", async () => {
    const u = await createTestUser(t.db, { roles: ["staff"] });
    const s1 = await sessionFor(t.db, u);
    const s2 = await sessionFor(t.db, u);
    expect(await resolveSession(t.db, s1.sessionId)).not.toBeNull();

    const after = await asAdmin.admin.setActive({ userId: u.id, active: false });
    expect(after.isActive).toBe(false);
    expect(await resolveSession(t.db, s1.sessionId)).toBeNull();
    expect(await resolveSession(t.db, s2.sessionId)).toBeNull();
    const ended = await t.db.userSession.findMany({ where: { userId: u.id }, select: { endedAt: true, endReason: true } });
    expect(ended.every((s) => s.endedAt && s.endReason === "deactivated")).toBe(true);
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip: "10.1.0.2" })).toEqual({ ok: false, reason: "inactive" });
    const entry = await lastAudit("user.deactivate", u.id);
    expect(entry.before).toMatchObject({ isActive: true });
    expect(entry.after).toMatchObject({ isActive: false });

    // Reactivated: signs in again; the old sessions stay ended.
    await asAdmin.admin.setActive({ userId: u.id, active: true });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip: "10.1.0.2" })).toMatchObject({ ok: true });
    expect(await resolveSession(t.db, s1.sessionId)).toBeNull();
  });

  it("will not let the admin deactivate their own account", async () => {
    const r = await refusalOf(asAdmin.admin.setActive({ userId: admin.id, active: false }));
    expect([r.code, r.domainCode, r.message]).toEqual(["BAD_REQUEST", "CANNOT_DEACTIVATE_SELF", "不能停用自己的账号。"]);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).isActive).toBe(true);
  });
});

describe("admin.resetPassword", () => {
  it("sets the new password, requires a change at next sign-in, and ends open sessions", async () => {
    const u = await createTestUser(t.db, { roles: ["staff"] });
    const s = await sessionFor(t.db, u);
    const after = await asAdmin.admin.resetPassword({ userId: u.id, newPassword: "Reset-Kefu-2026" });
    expect(after.mustChangePassword).toBe(true);
    expect(await resolveSession(t.db, s.sessionId)).toBeNull();

    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip: "10.1.0.3" })).toEqual({ ok: false, reason: "invalid" });
    const r = await signIn(t.db, { loginName: u.loginName, password: "Reset-Kefu-2026", ip: "10.1.0.3" });
    expect(r).toMatchObject({ ok: true, mustChangePassword: true });

    const entry = await lastAudit("user.resetPassword", u.id);
    expect(entry.before).toMatchObject({ mustChangePassword: false });
    expect(entry.after).toMatchObject({ mustChangePassword: true });
    expect(JSON.stringify([entry.before, entry.after])).not.toMatch(/Reset-Kefu-2026|\$argon2|passwordHash/);
  });

  it("applies the password policy to the new password", async () => {
    const u = await createTestUser(t.db);
    const r = await refusalOf(asAdmin.admin.resetPassword({ userId: u.id, newPassword: "12345678" }));
    expect(r.domainCode).toBe("PASSWORD_TOO_COMMON");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).mustChangePassword).toBe(false);
  });

  it("refuses eight spaces and aaaaaaaa under the field, and changes nothing (issue 16 #10)", async () => {
    const u = await createTestUser(t.db, { roles: ["staff"] });
    const s = await sessionFor(t.db, u);
    const before = await t.db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true, mustChangePassword: true, passwordChangedAt: true } });
    const auditBefore = await t.db.auditLog.count();
    for (const [newPassword, code, message] of [
      ["        ", "PASSWORD_BLANK", "密码不能全是空格。"],
      ["aaaaaaaa", "PASSWORD_REPEATED", "密码不能由同一个字符或几个字符反复组成（如 aaaaaaaa、abababab）。"],
    ] as const) {
      const r = await refusalOf(asAdmin.admin.resetPassword({ userId: u.id, newPassword }));
      expect([r.code, r.domainCode, r.message]).toEqual(["BAD_REQUEST", code, message]);
      expect(r.fieldErrors).toEqual({ newPassword: message });
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true, mustChangePassword: true, passwordChangedAt: true } })).toEqual(before);
    expect(await t.db.auditLog.count()).toBe(auditBefore);
    expect(await resolveSession(t.db, s.sessionId)).not.toBeNull();
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip: "10.1.0.4" })).toMatchObject({ ok: true });
  });

  it("applies the same policy when an account is created, with the message under the initial password", async () => {
    const r = await refusalOf(asAdmin.admin.createUser({ loginName: "kong.ge", displayName: "空格", roles: ["staff"], initialPassword: "        " }));
    expect(r.domainCode).toBe("PASSWORD_BLANK");
    expect(r.fieldErrors).toEqual({ initialPassword: "密码不能全是空格。" });
    expect(await t.db.user.count({ where: { loginName: "kong.ge" } })).toBe(0);
  });
});

describe("admin.unlockSignIn", () => {
  it("lifts a lock-out at once and is audited", async () => {
    const u = await createTestUser(t.db, { roles: ["staff"] });
    const ip = "10.1.0.4";
    for (let i = 0; i < 5; i++) await signIn(t.db, { loginName: u.loginName, password: "wrong-password", ip });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip })).toMatchObject({ ok: false, reason: "locked" });

    await asAdmin.admin.unlockSignIn({ userId: u.id });
    expect(await signIn(t.db, { loginName: u.loginName, password: u.password, ip })).toMatchObject({ ok: true });
    const entry = await lastAudit("user.unlock", u.id);
    expect(entry.actorId).toBe(admin.id);
    expect((entry.after as { lockResetAt?: string }).lockResetAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe("the admin router is the admin's alone", () => {
  it("refuses a manager trying to create a user, and nothing is written", async () => {
    const { caller } = await signedInAs(t.db, ["manager", "supervisor"]);
    const before = await counts();
    const r = await refusalOf(caller.admin.createUser({ loginName: "sneaky", displayName: "x", roles: ["admin"], initialPassword: PASSWORD }));
    expect([r.code, r.message]).toEqual(["FORBIDDEN", "您没有执行此操作的权限。"]);
    expect(await counts()).toEqual(before);
  });
});
