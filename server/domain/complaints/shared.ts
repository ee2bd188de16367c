import type { Db } from "../../db/client";
import type { Tx } from "../../db/tx";
import type { Role } from "../../auth/roles";
import type { Actor } from "../audit/audit-log";

/** The caller of a service: who (for the audit log) and with which roles (for the policy). */
export type Who = Actor & { id: string; roles: readonly Role[] };

export async function namesOf(db: Db | Tx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }) : [];
  return new Map(users.map((u) => [u.id, u.displayName]));
}

export async function deptNamesOf(db: Db | Tx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const rows = wanted.length ? await db.department.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }) : [];
  return new Map(rows.map((d) => [d.id, d.name]));
}

/** `华景园 1栋 0101` for each unit id. */
export async function unitLabelsOf(db: Db | Tx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const rows = wanted.length
    ? await db.unit.findMany({ where: { id: { in: wanted } }, select: { id: true, number: true, building: { select: { name: true, project: { select: { name: true } } } } } })
    : [];
  return new Map(rows.map((u) => [u.id, `${u.building.project.name} ${u.building.name} ${u.number}`]));
}
