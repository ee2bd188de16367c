// The seeded people the generated rows name as their receivers, approvers and recorders.
import type { Db } from "../../server/db/client";

export type Person = { id: string; login: string; name: string };

export async function seededPeople(db: Db) {
  const users = await db.user.findMany({ select: { id: true, loginName: true, displayName: true }, where: { NOT: { loginName: { startsWith: "bench." } } } });
  const by = new Map(users.map((u) => [u.loginName, { id: u.id, login: u.loginName, name: u.displayName }]));
  const get = (login: string): Person => {
    const p = by.get(login);
    if (!p) throw new Error(`demo user ${login} missing: run npm run db:seed first`);
    return p;
  };
  const depts = await db.department.findMany({ select: { id: true, code: true } });
  return {
    get,
    staff: ["staff", "staff2", "huang.wei", "liu.fang"].map(get),
    supervisor: get("supervisor"),
    managers: ["manager", "wu.gang"].map(get),
    archivists: ["archivist", "liu.fang"].map(get),
    deptIds: depts.map((d) => d.id),
  };
}

const HOUR = 3_600_000;
export const hours = (h: number) => h * HOUR;

/** Shanghai calendar year of an instant. */
export const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * HOUR).getUTCFullYear();
/** Shanghai calendar day (YYYY-MM-DD) of an instant. */
export const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
