import type { Db } from "../../server/db/client";
import type { Role } from "../../server/auth/roles";
import { callerFor, createTestUser, sessionFor, type Caller, type TestUser } from "./helpers";

// Two teams (departments) so "supervisors see their team" can be told apart from "everyone".
export async function department(db: Db, code: string) {
  return (await db.department.create({ data: { code, name: `部门${code}` }, select: { id: true } })).id;
}

export type Person = { user: TestUser; caller: Caller; id: string };

export async function person(db: Db, roles: Role[], departmentId: string | null, displayName?: string): Promise<Person> {
  const user = await createTestUser(db, { roles, displayName });
  if (departmentId) await db.user.update({ where: { id: user.id }, data: { departmentId } });
  const session = await sessionFor(db, user);
  return { user, caller: callerFor(db, session), id: user.id };
}

/** Creates, scores (with the given deductions by item name), and optionally walks it on. */
export async function scoredAppraisal(
  scorer: Caller,
  employeeId: string,
  kind: "weekly_check" | "monthly_check" | "spot_check" | "monthly" | "year_end",
  period: string,
  opts: { deduct?: Record<string, string>; commendation?: string; penalty?: string } = {},
) {
  const created = await scorer.appraisal.appraisals.create({ employeeId, kind, period });
  const detail = await scorer.appraisal.appraisals.get({ appraisalId: created.id });
  const deductions = Object.entries(opts.deduct ?? {}).map(([name, d]) => ({ itemId: detail.template.items.find((i) => i.name === name)!.id!, deduction: d, reason: `${name}扣分` }));
  const adjustments = [
    ...(opts.commendation ? [{ kind: "commendation" as const, points: opts.commendation, reason: "公司嘉奖" }] : []),
    ...(opts.penalty ? [{ kind: "penalty" as const, points: opts.penalty, reason: "违规追加惩罚" }] : []),
  ];
  await scorer.appraisal.appraisals.saveScores({ appraisalId: created.id, deductions, adjustments });
  await scorer.appraisal.appraisals.score({ appraisalId: created.id });
  return created.id;
}

/** Scored → acknowledged by the employee → finalised by the manager. */
export async function finalisedAppraisal(scorer: Caller, employee: Person, manager: Caller, kind: Parameters<typeof scoredAppraisal>[2], period: string, opts: Parameters<typeof scoredAppraisal>[4] = {}) {
  const id = await scoredAppraisal(scorer, employee.id, kind, period, opts);
  await employee.caller.appraisal.appraisals.acknowledge({ appraisalId: id });
  await manager.appraisal.appraisals.finalise({ appraisalId: id });
  return id;
}
