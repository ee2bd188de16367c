import Decimal from "decimal.js";
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { inTransaction, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/audit-log";
import { notify } from "../notifications/notify";
import { shanghaiDay } from "../time";
import { callbackDue } from "./clocks";
import { approvalLevelsFor, awaitedApproval, repairTransition, responsibleDeptFor, type ApprovalLevel, type RepairAction, type RepairStatus } from "./repair.machine";
import { ZRepairCallback, ZRepairCreate, ZRepairDecision, ZRepairPlan, ZRepairReject, ZRepairStep, type TRepairCallback, type TRepairCreate, type TRepairDecision, type TRepairPlan, type TRepairReject, type TRepairStep } from "./complaints.schema";
import { allocateServiceSeq, formatServiceNo } from "./numbering";
import { readSettings } from "./settings.service";
import type { Who } from "./shared";
import { linkContact } from "../contacts/contact-links";

// 整改维修联系单 (003): registered, planned with a cost, approved by authority, repaired, called back.

const LEVEL_NAME: Record<ApprovalLevel, string> = { engineering: "工程部经理", general: "总经理" };

export async function createRepair(db: Db, who: Who, raw: TRepairCreate) {
  const input = ZRepairCreate.parse(raw);
  return inTransaction(db, async (tx) => {
    if (input.complaintId && !(await tx.complaint.findUnique({ where: { id: input.complaintId }, select: { id: true } }))) throw new DomainError("NOT_FOUND");
    if (input.unitId && !(await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true } }))) throw new DomainError("NOT_FOUND");
    const now = new Date();
    const year = Number(shanghaiDay(now).slice(0, 4));
    const seq = await allocateServiceSeq(tx, "WX", year);
    const orderNo = formatServiceNo("WX", year, seq);
    const responsibleDept = responsibleDeptFor(input.isWarranty);
    const r = await tx.repairOrder.create({
      data: {
        orderNo,
        year,
        seq,
        complaintId: input.complaintId ?? null,
        unitId: input.unitId ?? null,
        location: input.location,
        description: input.description,
        isWarranty: input.isWarranty,
        responsibleDept,
        isPaid: input.isPaid,
        createdById: who.id,
      },
      select: { id: true, orderNo: true, status: true },
    });
    await tx.serviceEvent.create({ data: { repairId: r.id, kind: "create", toStatus: "registered", note: input.description, actorId: who.id, actorName: who.name } });
    await writeAudit(tx, who, {
      action: "repair.create",
      entity: "RepairOrder",
      entityId: r.id,
      after: { orderNo, location: input.location, isWarranty: input.isWarranty, responsibleDept, isPaid: input.isPaid, complaintId: input.complaintId ?? null },
    });
    // 转报修: the work order keeps the 来电来访登记 entry it came from.
    if (input.contactId) await linkContact(tx, who, input.contactId, { repairId: r.id, orderNo });
    return r;
  });
}

const loadSelect = {
  id: true,
  orderNo: true,
  status: true,
  version: true,
  needsGeneral: true,
  engApprovedAt: true,
  engApprovedById: true,
  genApprovedAt: true,
  cost: true,
  createdById: true,
  callbackDueAt: true,
} satisfies Prisma.RepairOrderSelect;
type Loaded = Prisma.RepairOrderGetPayload<{ select: typeof loadSelect }>;

async function load(tx: Tx, repairId: string, expectedVersion: number | undefined): Promise<Loaded> {
  const r = await tx.repairOrder.findUnique({ where: { id: repairId }, select: loadSelect });
  if (!r) throw new DomainError("NOT_FOUND");
  if (expectedVersion !== undefined && expectedVersion !== r.version) throw new DomainError("REPAIR_CHANGED", { orderNo: r.orderNo });
  return r;
}

const money = (d: { toString(): string } | null) => (d === null ? null : new Decimal(d.toString()).toFixed(2));

/** Guarded on the version read: of two simultaneous decisions exactly one is written. */
async function applyStep(
  tx: Tx,
  who: Who,
  r: Loaded,
  step: { action: RepairAction | "reopen"; to: RepairStatus; note: string; data?: Prisma.RepairOrderUpdateManyMutationInput; audit?: Record<string, unknown> },
) {
  const { count } = await tx.repairOrder.updateMany({ where: { id: r.id, version: r.version }, data: { ...step.data, status: step.to, version: { increment: 1 } } });
  if (count !== 1) throw new DomainError("REPAIR_CHANGED", { orderNo: r.orderNo });
  await tx.serviceEvent.create({
    data: { repairId: r.id, kind: step.action, fromStatus: r.status, toStatus: step.to, note: step.note, data: (step.audit ?? {}) as Prisma.InputJsonValue, actorId: who.id, actorName: who.name },
  });
  await writeAudit(tx, who, {
    action: `repair.${step.action}`,
    entity: "RepairOrder",
    entityId: r.id,
    before: { orderNo: r.orderNo, status: r.status },
    after: { orderNo: r.orderNo, status: step.to, note: step.note, ...step.audit } as Prisma.InputJsonValue,
  });
  return { id: r.id, orderNo: r.orderNo, status: step.to, version: r.version + 1 };
}

/** 维修方案: the cost fixes which approvals it needs, under the threshold in force now. */
export async function submitRepairPlan(db: Db, who: Who, raw: TRepairPlan) {
  const input = ZRepairPlan.parse(raw);
  return inTransaction(db, async (tx) => {
    const r = await load(tx, input.repairId, input.version);
    const { to } = repairTransition({ ...r, status: r.status }, "submitPlan");
    const settings = await readSettings(tx);
    const levels = approvalLevelsFor(input.cost, settings.engineeringLimit);
    const approverOf: Record<ApprovalLevel, string | null> = { engineering: settings.engineeringApproverId, general: settings.generalApproverId };
    for (const level of levels) if (!approverOf[level]) throw new DomainError("REPAIR_NO_APPROVER", { level: LEVEL_NAME[level] });
    const cost = new Decimal(input.cost).toFixed(2);
    const res = await applyStep(tx, who, r, {
      action: "submitPlan",
      to,
      note: input.plan,
      data: { plan: input.plan, cost, needsGeneral: levels.includes("general"), engApprovedById: null, engApprovedAt: null, genApprovedById: null, genApprovedAt: null, rejectedById: null, rejectedAt: null, rejectReason: null },
      audit: { cost, levels, limit: settings.engineeringLimit },
    });
    await notify(tx, { userIds: [approverOf.engineering!], kind: "repairAwaitingApproval", params: { orderNo: r.orderNo, cost }, link: `/complaints/repairs/${r.id}` });
    return res;
  });
}

async function assertApprover(tx: Tx, who: Who, r: Loaded, level: ApprovalLevel) {
  const settings = await readSettings(tx);
  const designated = level === "engineering" ? settings.engineeringApproverId : settings.generalApproverId;
  if (designated !== who.id) throw new DomainError("REPAIR_NOT_APPROVER");
  // 003: reviewed by one, approved by another.
  if (level === "general" && r.engApprovedById === who.id) throw new DomainError("REPAIR_SAME_APPROVER");
  return settings;
}

/** 审核/审批 (003): ≤ limit the engineering manager approves; above, the general manager too. */
export async function approveRepair(db: Db, who: Who, raw: TRepairDecision) {
  const input = ZRepairDecision.parse(raw);
  return inTransaction(db, async (tx) => {
    const r = await load(tx, input.repairId, input.version);
    const settings = await assertApprover(tx, who, r, input.level);
    const move = repairTransition(r, "approve", { level: input.level });
    const now = new Date();
    const data: Prisma.RepairOrderUpdateManyMutationInput = input.level === "engineering" ? { engApprovedById: who.id, engApprovedAt: now } : { genApprovedById: who.id, genApprovedAt: now };
    const res = await applyStep(tx, who, r, { action: "approve", to: move.to, note: input.note || LEVEL_NAME[input.level], data, audit: { level: input.level, cost: money(r.cost) } });
    if (move.to === "pending_approval" && settings.generalApproverId) {
      await notify(tx, { userIds: [settings.generalApproverId], kind: "repairAwaitingApproval", params: { orderNo: r.orderNo, cost: money(r.cost) ?? "0.00" }, link: `/complaints/repairs/${r.id}` });
    } else if (move.to === "approved") {
      await notify(tx, { userIds: [r.createdById].filter((id) => id !== who.id), kind: "repairApproved", params: { orderNo: r.orderNo }, link: `/complaints/repairs/${r.id}` });
    }
    return res;
  });
}

export async function rejectRepair(db: Db, who: Who, raw: TRepairReject) {
  const input = ZRepairReject.parse(raw);
  return inTransaction(db, async (tx) => {
    const r = await load(tx, input.repairId, input.version);
    await assertApprover(tx, who, r, input.level);
    const move = repairTransition(r, "reject", { level: input.level });
    const res = await applyStep(tx, who, r, {
      action: "reject",
      to: move.to,
      note: input.note,
      data: { rejectedById: who.id, rejectedAt: new Date(), rejectReason: input.note },
      audit: { level: input.level },
    });
    await notify(tx, { userIds: [r.createdById].filter((id) => id !== who.id), kind: "repairRejected", params: { orderNo: r.orderNo }, link: `/complaints/repairs/${r.id}` });
    return res;
  });
}

/** 完工: the 3-day callback clock starts (001: repairs are called back too, 100 %). */
export async function completeRepair(db: Db, who: Who, raw: TRepairStep) {
  const input = ZRepairStep.parse(raw);
  return inTransaction(db, async (tx) => {
    const r = await load(tx, input.repairId, input.version);
    const { to } = repairTransition(r, "complete");
    const now = new Date();
    const { rules } = await readSettings(tx);
    return applyStep(tx, who, r, { action: "complete", to, note: input.note, data: { doneAt: now, callbackDueAt: callbackDue(now, rules), calledBackAt: null } });
  });
}

export async function repairCallback(db: Db, who: Who, raw: TRepairCallback) {
  const input = ZRepairCallback.parse(raw);
  return inTransaction(db, async (tx) => {
    const r = await load(tx, input.repairId, input.version);
    const { to } = repairTransition(r, "callback", { satisfaction: input.satisfaction });
    const now = new Date();
    await tx.serviceCallback.create({ data: { repairId: r.id, calledById: who.id, calledByName: who.name, calledAt: now, dueAt: r.callbackDueAt, satisfaction: input.satisfaction, remarks: input.note } });
    if (to === "called_back") return applyStep(tx, who, r, { action: "callback", to, note: input.note, data: { calledBackAt: now }, audit: { satisfaction: input.satisfaction } });
    return applyStep(tx, who, r, {
      action: "reopen",
      to,
      note: input.note,
      data: { reopenCount: { increment: 1 }, doneAt: null, callbackDueAt: null },
      audit: { satisfaction: input.satisfaction },
    });
  });
}

export { awaitedApproval, LEVEL_NAME };
