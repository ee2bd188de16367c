import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "../db/client";
import { resolveSession, type SessionUser } from "../domain/accounts/session";
import { auth } from "./config";
import { hasAnyRole, type Role } from "./roles";
import { MODULES, type ModuleKey } from "./access";

/** The signed-in user of this request, re-read from the database (once per request). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sessionId) return null;
  return resolveSession(await db(), session.sessionId);
});

/** For layouts and pages: no valid session → sign-in page; a pending password change → that page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  // "Session ended" only for someone who had one (idle, expired, deactivated), not a first visit.
  if (!user) redirect((await auth())?.sessionId ? "/login?ended=1" : "/login");
  if (user.mustChangePassword) redirect("/change-password");
  return user;
}

/** Page-level guard; the procedures behind the page check again. */
export async function requireRoles(roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!hasAnyRole(user.roles, roles)) redirect("/forbidden");
  return user;
}

export function requireModule(key: ModuleKey): Promise<SessionUser> {
  return requireRoles(MODULES[key].roles);
}
