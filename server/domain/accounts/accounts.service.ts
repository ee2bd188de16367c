import type { Db } from "../../db/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import type { Role } from "../../auth/roles";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { assertAcceptablePassword } from "./password-policy";
import { hashPassword, verifyPassword } from "./password-hash";
import { accountLockedUntil } from "./authenticate";
import type { TChangeOwnPassword, TCreateUser, TListUsers, TResetPassword, TSetRoles, TUpdateUser } from "./accounts.schema";
import { containsText, containsTextInsensitive } from "../search/like-pattern";

// What the audit log and the admin pages see of a user: never the password hash.
const userSnapshotSelect = {
  id: true,
  loginName: true,
  displayName: true,
  phone: true,
  departmentId: true,
  isActive: true,
  mustChangePassword: true,
  roles: { select: { role: true }, orderBy: { role: "asc" } },
} as const;

async function snapshot(tx: Tx, userId: string) {
  const u = await tx.user.findUnique({ where: { id: userId }, select: userSnapshotSelect });
  if (!u) throw new DomainError("NOT_FOUND");
  return { ...u, roles: u.roles.map((r) => r.role) };
}

export async function createUser(db: Db, actor: Actor, input: TCreateUser) {
  assertAcceptablePassword(input.initialPassword, input.loginName, "initialPassword");
  const passwordHash = await hashPassword(input.initialPassword);
  try {
    return await inTransaction(db, async (tx) => {
      const user = await tx.user.create({
        data: {
          loginName: input.loginName,
          displayName: input.displayName,
          phone: input.phone || null,
          departmentId: input.departmentId ?? null,
          passwordHash,
          mustChangePassword: true,
          roles: { create: [...new Set(input.roles)].map((role) => ({ role })) },
        },
        select: { id: true },
      });
      const after = await snapshot(tx, user.id);
      await writeAudit(tx, actor, { action: "user.create", entity: "User", entityId: user.id, after });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("LOGIN_NAME_TAKEN", { loginName: input.loginName });
    throw e;
  }
}

export async function updateUser(db: Db, actor: Actor, input: TUpdateUser) {
  return inTransaction(db, async (tx) => {
    const before = await snapshot(tx, input.userId);
    await tx.user.update({
      where: { id: input.userId },
      data: { displayName: input.displayName, phone: input.phone || null, departmentId: input.departmentId ?? null },
    });
    const after = await snapshot(tx, input.userId);
    await writeAudit(tx, actor, { action: "user.update", entity: "User", entityId: input.userId, before, after });
    return after;
  });
}

export async function setRoles(db: Db, actor: Actor, input: TSetRoles) {
  const roles = [...new Set(input.roles)] as Role[];
  if (input.userId === actor.id && !roles.includes("admin")) throw new DomainError("CANNOT_REMOVE_OWN_ADMIN");
  return inTransaction(db, async (tx) => {
    const before = await snapshot(tx, input.userId);
    await tx.roleAssignment.deleteMany({ where: { userId: input.userId, role: { notIn: roles } } });
    await tx.roleAssignment.createMany({ data: roles.map((role) => ({ userId: input.userId, role })), skipDuplicates: true });
    const after = await snapshot(tx, input.userId);
    await writeAudit(tx, actor, { action: "user.setRoles", entity: "User", entityId: input.userId, before, after });
    return after;
  });
}

export async function setActive(db: Db, actor: Actor, userId: string, active: boolean) {
  if (!active && userId === actor.id) throw new DomainError("CANNOT_DEACTIVATE_SELF");
  return inTransaction(db, async (tx) => {
    const before = await snapshot(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { isActive: active } });
    if (!active) {
      // The session check re-reads isActive on every request; ending the rows keeps the record.
      await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date(), endReason: "deactivated" } });
    }
    const after = await snapshot(tx, userId);
    await writeAudit(tx, actor, { action: active ? "user.activate" : "user.deactivate", entity: "User", entityId: userId, before, after });
    return after;
  });
}

export async function resetPassword(db: Db, actor: Actor, input: TResetPassword) {
  const target = await db.user.findUnique({ where: { id: input.userId }, select: { loginName: true } });
  if (!target) throw new DomainError("NOT_FOUND");
  assertAcceptablePassword(input.newPassword, target.loginName);
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(db, async (tx) => {
    const before = await snapshot(tx, input.userId);
    // A reset password is known to the admin: it must be changed at the next sign-in.
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() } });
    await tx.userSession.updateMany({ where: { userId: input.userId, endedAt: null }, data: { endedAt: new Date(), endReason: "password-reset" } });
    const after = await snapshot(tx, input.userId);
    await writeAudit(tx, actor, { action: "user.resetPassword", entity: "User", entityId: input.userId, before, after });
    return after;
  });
}

export async function unlockSignIn(db: Db, actor: Actor, userId: string) {
  return inTransaction(db, async (tx) => {
    const before = await snapshot(tx, userId);
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: { lockResetAt: now } });
    await writeAudit(tx, actor, { action: "user.unlock", entity: "User", entityId: userId, before, after: { ...before, lockResetAt: now.toISOString() } });
    return before;
  });
}

export async function changeOwnPassword(db: Db, actor: Actor & { id: string }, input: TChangeOwnPassword, sessionId: string) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { loginName: true, passwordHash: true } });
  if (!user) throw new DomainError("NOT_FOUND");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new DomainError("WRONG_CURRENT_PASSWORD", {}, { field: "currentPassword" });
  if (input.newPassword === input.currentPassword) throw new DomainError("PASSWORD_UNCHANGED", {}, { field: "newPassword" });
  assertAcceptablePassword(input.newPassword, user.loginName);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() } });
    // Other sessions were opened with the old password; only this one stays.
    await tx.userSession.updateMany({
      where: { userId: actor.id, endedAt: null, id: { not: sessionId } },
      data: { endedAt: new Date(), endReason: "password-changed" },
    });
    await writeAudit(tx, actor, { action: "user.changeOwnPassword", entity: "User", entityId: actor.id });
  });
}

export async function listUsers(db: Db, input: TListUsers) {
  const where = {
    ...(input.q
      ? { OR: [{ loginName: containsTextInsensitive(input.q) }, { displayName: containsText(input.q) }] }
      : {}),
    ...(input.role ? { roles: { some: { role: input.role } } } : {}),
    ...(input.status === "all" ? {} : { isActive: input.status === "active" }),
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ isActive: "desc" }, { loginName: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { ...userSnapshotSelect, createdAt: true, department: { select: { name: true } } },
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, rows: rows.map((u) => ({ ...u, roles: u.roles.map((r) => r.role) })) };
}

export async function getUser(db: Db, userId: string) {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { ...userSnapshotSelect, createdAt: true, passwordChangedAt: true, lockResetAt: true, department: { select: { name: true } } },
  });
  if (!u) throw new DomainError("NOT_FOUND");
  const signInLockedUntil = await accountLockedUntil(db, u.loginName, u.lockResetAt);
  return { ...u, roles: u.roles.map((r) => r.role), signInLockedUntil };
}
