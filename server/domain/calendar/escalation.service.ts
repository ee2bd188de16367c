import type { Db } from "../../db/client";
import { inTransaction, type Tx } from "../../db/tx";
import { SYSTEM_ACTOR, writeAudit } from "../audit/audit-log";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { formatShanghai, shanghaiDay, startOfShanghaiDay } from "../time";
import { dateOfDay, dayOf } from "../archive/retention";
import { ON_LOAN_STATUSES } from "../borrowing/borrow.machine";
import { LENDERS } from "../borrowing/borrow.policy";
import { OPEN_STATUSES } from "../complaints/complaint.machine";
import { responsibleId } from "../complaints/complaints.policy";
import { daysBetween } from "../borrowing/loan-period";
import { dueSteps, type Ladder, type LadderLevel, type LadderTarget } from "./ladder";
import { readLadder } from "./ladder.service";

// Applies the escalation ladders (ladder.ts) to overdue loans and open major complaints. A step
// is taken by inserting its EscalationStep row (unique per entity, anchor and level) and, in the
// same transaction, notifying its people: a second instance or a rerun finds the row and does
// nothing, so each step happens once.

export const LOAN_ENTITY = "BorrowRequest";
export const COMPLAINT_ENTITY = "Complaint";
/** A loan's ladder counts from 09:00 on its due day (the borrower is reminded that morning). */
const LOAN_ANCHOR_MINUTES = 9 * 60;

export function loanAnchor(dueOn: string): Date {
  return new Date(startOfShanghaiDay(dueOn).getTime() + LOAN_ANCHOR_MINUTES * 60_000);
}

type Subject = { entity: string; id: string; anchor: Date; subjectId: string; exceptId?: string | null };
type Message = (level: LadderLevel, target: LadderTarget) => { kind: string; params: Record<string, string | number>; link: string; dedupeKey: string };

/** The subject's department's 主管 and 经理; all supervisors when the department has none (or the subject has no department). */
async function supervisorsOf(tx: Tx, userId: string): Promise<string[]> {
  const u = await tx.user.findUnique({ where: { id: userId }, select: { departmentId: true } });
  if (u?.departmentId) {
    const rows = await tx.user.findMany({
      where: { isActive: true, departmentId: u.departmentId, id: { not: userId }, roles: { some: { role: { in: ["supervisor", "manager"] } } } },
      select: { id: true },
    });
    if (rows.length) return rows.map((r) => r.id);
  }
  return activeUserIdsWithRoles(tx, ["supervisor"], userId);
}

async function recipients(tx: Tx, target: LadderTarget, s: Subject): Promise<string[]> {
  switch (target) {
    case "subject":
      return [s.subjectId];
    case "desk":
      return activeUserIdsWithRoles(tx, LENDERS, s.subjectId);
    case "supervisor":
      return supervisorsOf(tx, s.subjectId);
    case "manager":
      return activeUserIdsWithRoles(tx, ["manager"], s.exceptId ?? null);
  }
}

/** Take one step in the caller's transaction; false when it was already taken. */
async function takeStep(tx: Tx, s: Subject, level: LadderLevel, now: Date, message: Message): Promise<boolean> {
  const claimed = await tx.escalationStep.createMany({ data: [{ entity: s.entity, entityId: s.id, anchorAt: s.anchor, level: level.level, at: now, toUserIds: [] }], skipDuplicates: true });
  if (claimed.count === 0) return false;
  const to = new Set<string>();
  for (const target of level.to) {
    const ids = (await recipients(tx, target, s)).filter((id) => id !== s.exceptId);
    if (!ids.length) continue;
    const m = message(level, target);
    await notify(tx, { userIds: ids, ...m });
    ids.forEach((id) => to.add(id));
  }
  await tx.escalationStep.update({ where: { entity_entityId_anchorAt_level: { entity: s.entity, entityId: s.id, anchorAt: s.anchor, level: level.level } }, data: { toUserIds: [...to] } });
  await writeAudit(tx, SYSTEM_ACTOR, { action: "escalation.step", entity: s.entity, entityId: s.id, after: { level: level.level, anchorAt: s.anchor.toISOString(), to: [...level.to], recipients: to.size } });
  return true;
}

async function takenLevels(db: Db | Tx, entity: string, ids: string[]): Promise<Map<string, Set<number>>> {
  const rows = ids.length ? await db.escalationStep.findMany({ where: { entity, entityId: { in: ids } }, select: { entityId: true, anchorAt: true, level: true } }) : [];
  const out = new Map<string, Set<number>>();
  for (const r of rows) {
    const k = `${r.entityId}@${r.anchorAt.toISOString()}`;
    if (!out.has(k)) out.set(k, new Set());
    out.get(k)!.add(r.level);
  }
  return out;
}

async function run(db: Db, subjects: Subject[], ladder: Ladder, now: Date, message: (s: Subject) => Message): Promise<number> {
  const taken = await takenLevels(db, subjects[0]?.entity ?? "", subjects.map((s) => s.id));
  let n = 0;
  for (const s of subjects) {
    const due = dueSteps(s.anchor, ladder, now, taken.get(`${s.id}@${s.anchor.toISOString()}`) ?? new Set());
    for (const level of due) if (await inTransaction(db, (tx) => takeStep(tx, s, level, now, message(s)))) n++;
  }
  return n;
}

/** 逾期升级 for loans still out: anchor = the due day 09:00 (a renewal's new due day starts afresh). */
export async function applyLoanLadder(db: Db, now: Date): Promise<{ checked: number; steps: number }> {
  const ladder = await readLadder(db, "loanOverdue");
  const loans = await db.borrowRequest.findMany({
    where: { status: { in: [...ON_LOAN_STATUSES] }, dueOn: { lte: dateOfDay(shanghaiDay(now)) } },
    // No batch limit: loans still out past their due day are few, and a cap would let the oldest
    // (all steps taken) starve the newest.
    orderBy: { dueOn: "asc" },
    select: { id: true, requestNo: true, dueOn: true, requesterId: true, requester: { select: { displayName: true } } },
  });
  const byId = new Map(loans.map((l) => [l.id, l]));
  const subjects = loans.map((l) => ({ entity: LOAN_ENTITY, id: l.id, anchor: loanAnchor(dayOf(l.dueOn)), subjectId: l.requesterId }));
  const steps = await run(db, subjects, ladder, now, (s) => (level, target) => {
    const l = byId.get(s.id)!;
    const dueOn = dayOf(l.dueOn);
    return {
      kind: `loanLadder${target[0]!.toUpperCase()}${target.slice(1)}`,
      params: { requestNo: l.requestNo, dueOn, days: Math.max(0, daysBetween(dueOn, shanghaiDay(now))), level: level.level, borrower: l.requester.displayName },
      link: `/borrowing/${l.id}`,
      dedupeKey: `ladder:${LOAN_ENTITY}:${l.id}:${dueOn}:${level.level}:${target}`,
    };
  });
  return { checked: loans.length, steps };
}

type MajorComplaint = { id: string; complaintNo: string; complainantName: string; escalatedAt: Date; receivedById: string; assigneeId: string | null };

function complaintMessage(c: MajorComplaint, now: Date): Message {
  return (level, target): ReturnType<Message> => {
    const hours = Math.floor((now.getTime() - c.escalatedAt.getTime()) / 3_600_000);
    // Level 1 to the managers is the long-standing "重大投诉" notice (same kind and key as before).
    if (level.level === 1 && target === "manager") {
      return { kind: "complaintMajor", params: { complaintNo: c.complaintNo, complainant: c.complainantName }, link: `/complaints/${c.id}`, dedupeKey: `complaint:${c.id}:major` };
    }
    return {
      kind: `complaintLadder${target[0]!.toUpperCase()}${target.slice(1)}`,
      params: { complaintNo: c.complaintNo, complainant: c.complainantName, level: level.level, hours, since: formatShanghai(c.escalatedAt) },
      link: `/complaints/${c.id}`,
      dedupeKey: `ladder:${COMPLAINT_ENTITY}:${c.id}:${c.escalatedAt.toISOString()}:${level.level}:${target}`,
    };
  };
}

const subjectOf = (c: MajorComplaint, exceptId?: string | null): Subject => ({ entity: COMPLAINT_ENTITY, id: c.id, anchor: c.escalatedAt, subjectId: responsibleId(c), exceptId });

/** 重大投诉 still open: anchor = when it was made major. */
export async function applyComplaintLadder(db: Db, now: Date): Promise<{ checked: number; steps: number }> {
  const ladder = await readLadder(db, "complaintMajor");
  const rows = await db.complaint.findMany({
    where: { severity: "major", status: { in: [...OPEN_STATUSES] }, escalatedAt: { not: null, lte: now } },
    orderBy: { escalatedAt: "asc" },
    select: { id: true, complaintNo: true, complainantName: true, escalatedAt: true, receivedById: true, assigneeId: true },
  });
  const list = rows as MajorComplaint[];
  const byId = new Map(list.map((c) => [c.id, c]));
  const steps = await run(db, list.map((c) => subjectOf(c)), ladder, now, (s) => complaintMessage(byId.get(s.id)!, now));
  return { checked: list.length, steps };
}

/**
 * The immediate part of the ladder when a complaint becomes major (intake or 升级), in the
 * caller's transaction: the levels due at once (delay 0) fire now; the job takes the rest.
 * The person who escalated is not notified of their own act.
 */
export async function escalateMajorNow(tx: Tx, c: MajorComplaint, exceptId: string | null): Promise<void> {
  const ladder = await readLadder(tx, "complaintMajor");
  for (const level of dueSteps(c.escalatedAt, ladder, c.escalatedAt, new Set())) await takeStep(tx, subjectOf(c, exceptId), level, c.escalatedAt, complaintMessage(c, c.escalatedAt));
}

/** The steps taken for one loan or complaint, newest anchor first (the page's small history). */
export async function stepsOf(db: Db | Tx, entity: string, entityId: string) {
  const rows = await db.escalationStep.findMany({ where: { entity, entityId }, orderBy: [{ anchorAt: "desc" }, { level: "asc" }], select: { level: true, at: true, anchorAt: true, toUserIds: true } });
  const ids = [...new Set(rows.flatMap((r) => r.toUserIds))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({ level: r.level, at: r.at, anchorAt: r.anchorAt, to: r.toUserIds.map((id) => name.get(id) ?? "—") }));
}
