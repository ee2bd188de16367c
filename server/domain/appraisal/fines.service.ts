import type { Db } from "../../db/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { notify } from "../notifications/notify";
import { dateOfDay, dayOf } from "../archive/retention";
import { APPRAISED_ROLES, isManager, visibleRowsWhere, type Viewer } from "./appraisal.policy";
import { isFineRule, proposeFine, ruleGroup } from "./fines";
import { ZListFines, type TListFines, type TRecordFine } from "./appraisal.schema";

// 违规处罚 per person (002 篇1 四.2): the amount is proposed from the person's breaches of the same
// group in the calendar year of the breach, and recorded as proposed. Rows never change (trigger).

async function employeeFor(db: Db | Tx, v: Viewer, employeeId: string) {
  const e = await db.user.findFirst({
    where: { id: employeeId, isActive: true, roles: { some: { role: { in: [...APPRAISED_ROLES] } } } },
    select: { id: true, displayName: true, departmentId: true },
  });
  if (!e) throw new DomainError("APPRAISAL_NOT_APPRAISABLE");
  if (e.id === v.id) throw new DomainError("APPRAISAL_SELF");
  // A supervisor records breaches of their own team only.
  if (!isManager(v) && (!v.departmentId || e.departmentId !== v.departmentId)) throw new DomainError("NOT_FOUND");
  return e;
}

async function propose(db: Db | Tx, input: Pick<TRecordFine, "employeeId" | "rule" | "occurredOn" | "callCost">) {
  if (!isFineRule(input.rule)) throw new DomainError("BAD_INPUT");
  const year = Number(input.occurredOn.slice(0, 4));
  const group = ruleGroup(input.rule);
  const prior = await db.disciplinaryFine.count({ where: { employeeId: input.employeeId, year, ruleGroup: group } });
  const p = proposeFine(input.rule, prior, input.callCost || null);
  return { year, group, prior, ...p };
}

const present = (p: Awaited<ReturnType<typeof propose>>) => ({
  year: p.year,
  priorInYear: p.prior,
  occurrence: p.occurrence,
  fineAmount: p.fineAmount.toFixed(2),
  compensation: p.compensation.toFixed(2),
  suspensionDays: p.suspensionDays,
  dismissal: p.dismissal,
});

/** What recording this breach now would propose (the form shows it before saving). */
export async function fineProposal(db: Db, v: Viewer, input: Pick<TRecordFine, "employeeId" | "rule" | "occurredOn" | "callCost">) {
  await employeeFor(db, v, input.employeeId);
  return present(await propose(db, input));
}

export async function recordFine(db: Db, actor: Actor & { id: string }, v: Viewer, input: TRecordFine) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, async (tx) => {
        const e = await employeeFor(tx, v, input.employeeId);
        const p = await propose(tx, input);
        const row = await tx.disciplinaryFine.create({
          data: {
            employeeId: e.id,
            rule: input.rule,
            ruleGroup: p.group,
            occurredOn: dateOfDay(input.occurredOn),
            year: p.year,
            occurrence: p.occurrence,
            fineAmount: p.fineAmount.toString(),
            compensation: p.compensation.toString(),
            suspensionDays: p.suspensionDays,
            dismissal: p.dismissal,
            description: input.description.trim(),
            recordedById: actor.id,
          },
          select: { id: true },
        });
        const shown = present(p);
        await writeAudit(tx, actor, { action: "fine.record", entity: "DisciplinaryFine", entityId: row.id, after: { employee: e.displayName, rule: input.rule, occurredOn: input.occurredOn, ...shown, description: input.description.trim() } });
        await notify(tx, { userIds: [e.id], kind: "fineRecorded", params: { rule: input.rule, amount: shown.fineAmount, occurrence: p.occurrence }, link: "/appraisal/fines", dedupeKey: `fine:${row.id}` });
        return { id: row.id, ...shown };
      });
    } catch (err) {
      // Two breaches recorded at once for the same person: the loser takes the next occurrence.
      if (isUniqueViolation(err) && attempt < 5) continue;
      throw err;
    }
  }
}

export async function listFines(db: Db, v: Viewer, raw: TListFines) {
  const input = ZListFines.parse(raw);
  const where = { AND: [visibleRowsWhere(v), input.year ? { year: input.year } : {}, input.employeeId ? { employeeId: input.employeeId } : {}] };
  const [rows, total] = await Promise.all([
    db.disciplinaryFine.findMany({
      where,
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, rule: true, occurredOn: true, year: true, occurrence: true, fineAmount: true, compensation: true, suspensionDays: true, dismissal: true, description: true, createdAt: true, employee: { select: { id: true, displayName: true } } },
    }),
    db.disciplinaryFine.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, occurredOn: dayOf(r.occurredOn), fineAmount: r.fineAmount.toFixed(2), compensation: r.compensation.toFixed(2), employee: { id: r.employee.id, name: r.employee.displayName } })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
