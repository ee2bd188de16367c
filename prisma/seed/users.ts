import type { Tx } from "../../server/db/tx";
import { hashPassword } from "../../server/domain/accounts/password-hash";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./demo-users";
import type { SeedResult } from "./departments";

/**
 * Creates the demo accounts that do not exist yet (by login name). Existing accounts are left
 * exactly as they are — a changed password, role or deactivation made in the portal survives
 * a re-seed.
 */
export async function seedUsers(tx: Tx, departmentIdByCode: ReadonlyMap<string, string>, users: readonly DemoUser[] = DEMO_USERS): Promise<SeedResult> {
  const existing = new Set(
    (await tx.user.findMany({ where: { loginName: { in: users.map((u) => u.loginName) } }, select: { loginName: true } })).map((u) => u.loginName),
  );
  let created = 0;
  for (const u of users) {
    if (existing.has(u.loginName)) continue;
    const departmentId = departmentIdByCode.get(u.departmentCode);
    if (!departmentId) throw new Error(`seed: unknown department ${u.departmentCode} for ${u.loginName}`);
    await tx.user.create({
      data: {
        loginName: u.loginName,
        displayName: u.displayName,
        phone: u.phone,
        departmentId,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        // Demo convenience (see demo-users.ts): no forced change at first login.
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        isActive: true,
        roles: { create: u.roles.map((role) => ({ role })) },
      },
      select: { id: true },
    });
    created++;
  }
  return { created };
}
