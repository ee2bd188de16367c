import type { Db } from "../../db/client";
import type { Tx } from "../../db/tx";
import type { Role } from "../../auth/roles";
import { DomainError } from "../errors";
import type { Viewer } from "./appraisal.policy";

/** The session user with the department their team visibility depends on (read fresh). */
export async function viewerOf(db: Db | Tx, user: { id: string; roles: readonly Role[] }): Promise<Viewer> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { departmentId: true } });
  if (!row) throw new DomainError("UNAUTHENTICATED");
  return { id: user.id, roles: user.roles, departmentId: row.departmentId };
}
