import Decimal from "decimal.js";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { DomainError } from "../errors";
import { hasAnyRole } from "../../auth/roles";
import { clockState } from "./clocks";
import { availableRepairActions, awaitedApproval, type RepairAction } from "./repair.machine";
import { CALLBACK_TAKERS, REPAIR_CLERKS } from "./complaints.policy";
import { ZListRepairs, type TListRepairs } from "./complaints.schema";
import { readSettings } from "./settings.service";
import { namesOf, unitLabelsOf, type Who } from "./shared";
import { cappedTotal, countLimit } from "../capped-count";
import { containsText, startsWithText } from "../search/like-pattern";

const money = (d: { toString(): string } | null) => (d === null ? null : new Decimal(d.toString()).toFixed(2));

const rowSelect = {
  id: true,
  orderNo: true,
  status: true,
  location: true,
  unitId: true,
  isWarranty: true,
  responsibleDept: true,
  isPaid: true,
  cost: true,
  needsGeneral: true,
  engApprovedAt: true,
  genApprovedAt: true,
  createdAt: true,
  doneAt: true,
  callbackDueAt: true,
  calledBackAt: true,
  version: true,
} satisfies Prisma.RepairOrderSelect;

/** Where an order waits for this user's decision (the designated approver of the awaited level). */
function awaitingWhere(who: Who, s: { engineeringApproverId: string | null; generalApproverId: string | null }): Prisma.RepairOrderWhereInput {
  const or: Prisma.RepairOrderWhereInput[] = [];
  if (s.engineeringApproverId === who.id) or.push({ status: "pending_approval", engApprovedAt: null });
  if (s.generalApproverId === who.id) or.push({ status: "pending_approval", needsGeneral: true, engApprovedAt: { not: null }, genApprovedAt: null });
  return or.length ? { OR: or } : { id: { in: [] } };
}

export async function listRepairs(db: Db, who: Who, raw: TListRepairs, now = new Date()) {
  const input = ZListRepairs.parse(raw);
  const settings = await readSettings(db);
  const and: Prisma.RepairOrderWhereInput[] = [];
  if (input.status) and.push({ status: input.status });
  if (input.awaitingMe) and.push(awaitingWhere(who, settings));
  if (input.q) and.push({ OR: [{ orderNo: startsWithText(input.q.toUpperCase()) }, { location: containsText(input.q) }, { description: containsText(input.q) }] });
  const where = { AND: and };
  const [rows, total, awaitingMine] = await Promise.all([
    db.repairOrder.findMany({ where, orderBy: [{ createdAt: "desc" }, { orderNo: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: rowSelect }),
    db.repairOrder.count({ where, take: countLimit(input.page, input.pageSize) }),
    db.repairOrder.count({ where: awaitingWhere(who, settings) }),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      cost: money(r.cost),
      awaiting: awaitedApproval(r),
      callbackClock: r.doneAt && r.callbackDueAt ? clockState(r.doneAt, r.callbackDueAt, r.calledBackAt, now) : null,
    })),
    ...cappedTotal(total, input.page, input.pageSize),
    awaitingMine,
    page: input.page,
    pageSize: input.pageSize,
    engineeringLimit: settings.engineeringLimit,
  };
}

export async function repairsAwaitingCount(db: Db, who: Who) {
  return db.repairOrder.count({ where: awaitingWhere(who, await readSettings(db)) });
}

export async function getRepair(db: Db, who: Who, repairId: string, now = new Date()) {
  const r = await db.repairOrder.findUnique({
    where: { id: repairId },
    select: {
      ...rowSelect,
      description: true,
      plan: true,
      complaintId: true,
      complaint: { select: { complaintNo: true } },
      engApprovedById: true,
      genApprovedById: true,
      rejectedById: true,
      rejectedAt: true,
      rejectReason: true,
      reopenCount: true,
      createdById: true,
      events: { orderBy: { at: "asc" }, select: { id: true, kind: true, note: true, actorName: true, at: true, data: true } },
      callbacks: { orderBy: { calledAt: "asc" }, select: { id: true, calledByName: true, calledAt: true, dueAt: true, satisfaction: true, remarks: true } },
    },
  });
  if (!r) throw new DomainError("NOT_FOUND");
  const settings = await readSettings(db);
  const [names, units, dept] = await Promise.all([
    namesOf(db, [r.engApprovedById, r.genApprovedById, r.rejectedById, r.createdById, settings.engineeringApproverId, settings.generalApproverId]),
    unitLabelsOf(db, [r.unitId]),
    db.department.findUnique({ where: { code: r.responsibleDept }, select: { name: true } }),
  ]);
  const awaiting = awaitedApproval(r);
  const designated = awaiting === "engineering" ? settings.engineeringApproverId : awaiting === "general" ? settings.generalApproverId : null;
  const actions: RepairAction[] = availableRepairActions(r.status).filter((a) => {
    if (a === "approve" || a === "reject") return designated === who.id;
    if (a === "callback") return hasAnyRole(who.roles, CALLBACK_TAKERS);
    return hasAnyRole(who.roles, REPAIR_CLERKS);
  });
  return {
    ...r,
    cost: money(r.cost),
    unit: units.get(r.unitId ?? "") ?? null,
    departmentName: dept?.name ?? r.responsibleDept,
    createdBy: names.get(r.createdById) ?? null,
    engApprovedBy: names.get(r.engApprovedById ?? "") ?? null,
    genApprovedBy: names.get(r.genApprovedById ?? "") ?? null,
    rejectedBy: names.get(r.rejectedById ?? "") ?? null,
    awaiting,
    awaitingName: designated ? (names.get(designated) ?? null) : null,
    engineeringLimit: settings.engineeringLimit,
    callbackClock: r.doneAt && r.callbackDueAt ? clockState(r.doneAt, r.callbackDueAt, r.calledBackAt, now) : null,
    actions,
  };
}
