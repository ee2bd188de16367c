import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { inTransaction, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/audit-log";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { shanghaiDay } from "../time";
import { insertArchiveRecord } from "../archive/record-insert";
import { callbackDue, progressDue } from "./clocks";
import { transition, type ComplaintAction, type ComplaintStatus } from "./complaint.machine";
import { assertMayCallBack, assertMayHandle, COMPLAINT_LEADS, responsibleId } from "./complaints.policy";
import { ZAssign, ZCallback, ZComplaintStep, type TAssign, type TCallback, type TComplaintStep } from "./complaints.schema";
import { readSettings } from "./settings.service";
import { namesOf, type Who } from "./shared";
import { hasAnyRole } from "../../auth/roles";
import { escalateMajorNow } from "../calendar/escalation.service";

// Every step of the 投诉 workflow after intake (complaint-intake.service.ts): one transaction each, a conditional update on the
// complaint's version, a ServiceEvent with the step's note and an audit entry.

/**
 * DOMAIN §3: major complaints go to the manager at once (inbox), and show in the major list. The
 * escalation ladder (calendar/escalation.service.ts) takes its immediate levels now — by default
 * level 1, the managers — and the clock job the later ones while it stays open.
 */
export async function escalateNotice(tx: Tx, complaintId: string, complaintNo: string, complainant: string, except: string, escalatedAt: Date) {
  const c = await tx.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { receivedById: true, assigneeId: true } });
  await escalateMajorNow(tx, { id: complaintId, complaintNo, complainantName: complainant, escalatedAt, ...c }, except);
}

const loadSelect = {
  id: true,
  complaintNo: true,
  status: true,
  severity: true,
  version: true,
  receivedById: true,
  assigneeId: true,
  assigneeDeptId: true,
  complainantName: true,
  content: true,
  clientId: true,
  unitId: true,
  receivedAt: true,
  progressDueAt: true,
  repliedAt: true,
  callbackDueAt: true,
  resolution: true,
  category: { select: { name: true } },
} satisfies Prisma.ComplaintSelect;
type Loaded = Prisma.ComplaintGetPayload<{ select: typeof loadSelect }>;

async function load(tx: Tx, complaintId: string, expectedVersion: number | undefined): Promise<Loaded> {
  const c = await tx.complaint.findUnique({ where: { id: complaintId }, select: loadSelect });
  if (!c) throw new DomainError("NOT_FOUND");
  if (expectedVersion !== undefined && expectedVersion !== c.version) throw new DomainError("COMPLAINT_CHANGED", { complaintNo: c.complaintNo });
  return c;
}

type Step = {
  action: ComplaintAction | "reopen";
  to: ComplaintStatus;
  note: string;
  data?: Prisma.ComplaintUpdateManyMutationInput;
  eventData?: Prisma.InputJsonValue;
  audit?: { before?: Record<string, unknown>; after?: Record<string, unknown> };
};

/** Writes the step: guarded on the version read, so of two simultaneous steps one wins. */
async function applyStep(tx: Tx, who: Who, c: Loaded, step: Step) {
  const { count } = await tx.complaint.updateMany({ where: { id: c.id, version: c.version }, data: { ...step.data, status: step.to, version: { increment: 1 } } });
  if (count !== 1) throw new DomainError("COMPLAINT_CHANGED", { complaintNo: c.complaintNo });
  await tx.serviceEvent.create({
    data: { complaintId: c.id, kind: step.action, fromStatus: c.status, toStatus: step.to, note: step.note, data: step.eventData, actorId: who.id, actorName: who.name },
  });
  await writeAudit(tx, who, {
    action: `complaint.${step.action}`,
    entity: "Complaint",
    entityId: c.id,
    before: { complaintNo: c.complaintNo, status: c.status, ...step.audit?.before } as Prisma.InputJsonValue,
    after: { complaintNo: c.complaintNo, status: step.to, note: step.note, ...step.audit?.after } as Prisma.InputJsonValue,
  });
  return { id: c.id, complaintNo: c.complaintNo, status: step.to, version: c.version + 1 };
}

/** A progress note, a reply or a resolution after the 4-hour mark counts as a lapse. */
function lapse(c: Loaded, now: Date): number {
  return c.progressDueAt && now.getTime() > c.progressDueAt.getTime() ? 1 : 0;
}

/** 分派: the supervisor hands it to a person or a department; the person is told. */
export async function assignComplaint(db: Db, who: Who, raw: TAssign) {
  const input = ZAssign.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await load(tx, input.complaintId, input.version);
    const to = transition(c.status, "assign");
    let target: string;
    if (input.assigneeId) {
      const u = await tx.user.findFirst({ where: { id: input.assigneeId, isActive: true }, select: { displayName: true } });
      if (!u) throw new DomainError("COMPLAINT_ASSIGNEE_UNKNOWN");
      target = u.displayName;
    } else {
      const d = await tx.department.findUnique({ where: { id: input.assigneeDeptId! }, select: { name: true } });
      if (!d) throw new DomainError("COMPLAINT_ASSIGNEE_UNKNOWN");
      target = d.name;
    }
    const names = await namesOf(tx, [c.assigneeId]);
    const res = await applyStep(tx, who, c, {
      action: "assign",
      to,
      note: input.note,
      data: { assigneeId: input.assigneeId ?? null, assigneeDeptId: input.assigneeDeptId ?? null, assignedAt: new Date() },
      eventData: { assignee: target },
      audit: { before: { assignee: names.get(c.assigneeId ?? "") ?? null }, after: { assignee: target } },
    });
    if (input.assigneeId && input.assigneeId !== who.id) {
      await notify(tx, { userIds: [input.assigneeId], kind: "complaintAssigned", params: { complaintNo: c.complaintNo, complainant: c.complainantName }, link: `/complaints/${c.id}` });
    }
    return res;
  });
}

/** 进展: the handler reports to the front desk; the 4-hour clock starts again. */
export async function addProgress(db: Db, who: Who, raw: TComplaintStep) {
  const input = ZComplaintStep.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await load(tx, input.complaintId, input.version);
    assertMayHandle(who, c);
    const to = transition(c.status, "progress");
    const now = new Date();
    const { rules } = await readSettings(tx);
    const late = lapse(c, now);
    return applyStep(tx, who, c, {
      action: "progress",
      to,
      note: input.note,
      data: { lastProgressAt: now, progressDueAt: progressDue(now, rules), progressLapses: { increment: late } },
      eventData: { dueAt: c.progressDueAt?.toISOString() ?? null, onTime: late === 0 },
    });
  });
}

/** 答复: the promised reply given to the complainant (the first one stops the reply clock). */
export async function replyToComplainant(db: Db, who: Who, raw: TComplaintStep) {
  const input = ZComplaintStep.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await load(tx, input.complaintId, input.version);
    assertMayHandle(who, c);
    const to = transition(c.status, "reply");
    return applyStep(tx, who, c, { action: "reply", to, note: input.note, data: c.repliedAt ? {} : { repliedAt: new Date() } });
  });
}

/** 已处理: the result is recorded; the progress clock stops, the 3-day callback clock starts. */
export async function resolveComplaint(db: Db, who: Who, raw: TComplaintStep) {
  const input = ZComplaintStep.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await load(tx, input.complaintId, input.version);
    assertMayHandle(who, c);
    const to = transition(c.status, "resolve");
    const now = new Date();
    const { rules } = await readSettings(tx);
    return applyStep(tx, who, c, {
      action: "resolve",
      to,
      note: input.note,
      data: {
        resolvedAt: now,
        resolvedById: who.id,
        resolution: input.note,
        repliedAt: c.repliedAt ?? now,
        progressDueAt: null,
        progressLapses: { increment: lapse(c, now) },
        callbackDueAt: callbackDue(now, rules),
        calledBackAt: null,
      },
    });
  });
}

/** 回访: satisfied → 已回访; 不满意 → 处理中 again (counted), the handler and the leads are told. */
export async function recordCallback(db: Db, who: Who, raw: TCallback) {
  const input = ZCallback.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await load(tx, input.complaintId, input.version);
    assertMayCallBack(who, c);
    const to = transition(c.status, "callback", input.satisfaction);
    const now = new Date();
    const onTime = !c.callbackDueAt || now.getTime() <= c.callbackDueAt.getTime();
    await tx.serviceCallback.create({
      data: { complaintId: c.id, calledById: who.id, calledByName: who.name, calledAt: now, dueAt: c.callbackDueAt, satisfaction: input.satisfaction, remarks: input.note },
    });
    if (to === "called_back") {
      return applyStep(tx, who, c, {
        action: "callback",
        to,
        note: input.note,
        data: { calledBackAt: now },
        eventData: { satisfaction: input.satisfaction, onTime },
        audit: { after: { satisfaction: input.satisfaction } },
      });
    }
    const { rules } = await readSettings(tx);
    const res = await applyStep(tx, who, c, {
      action: "reopen",
      to,
      note: input.note,
      data: { reopenCount: { increment: 1 }, resolvedAt: null, callbackDueAt: null, calledBackAt: null, lastProgressAt: now, progressDueAt: progressDue(now, rules) },
      eventData: { satisfaction: input.satisfaction, onTime },
      audit: { after: { satisfaction: input.satisfaction } },
    });
    const leads = await activeUserIdsWithRoles(tx, ["supervisor"], who.id);
    await notify(tx, {
      userIds: [...leads, responsibleId(c)].filter((id) => id !== who.id),
      kind: "complaintReopened",
      params: { complaintNo: c.complaintNo, complainant: c.complainantName },
      link: `/complaints/${c.id}`,
    });
    return res;
  });
}

/**
 * 已关闭: the file is closed and, where the archive has the 客户投诉/报修档案 class (code TS),
 * filed there as a record of its own (DOMAIN §1, §3).
 */
export async function closeComplaint(db: Db, who: Who, raw: TComplaintStep) {
  const input = ZComplaintStep.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await load(tx, input.complaintId, input.version);
    if (!hasAnyRole(who.roles, COMPLAINT_LEADS)) assertMayHandle(who, c);
    const to = transition(c.status, "close");
    const now = new Date();
    const cls = await tx.archiveClass.findUnique({ where: { code: "TS" }, select: { id: true, isActive: true } });
    let archiveNo: string | null = null;
    if (cls?.isActive) {
      const rec = await insertArchiveRecord(tx, who, {
        classId: cls.id,
        title: `${c.complaintNo} ${c.category.name} ${c.complainantName}`,
        formedOn: shanghaiDay(now),
        confidentiality: "internal",
        unitId: c.unitId,
        clientId: c.clientId,
        parties: c.complainantName,
        remarks: c.resolution ? `处理结果：${c.resolution}`.slice(0, 500) : null,
      });
      archiveNo = rec.archiveNo;
    }
    return applyStep(tx, who, c, { action: "close", to, note: input.note, data: { closedAt: now }, eventData: { archiveNo }, audit: { after: { archiveNo } } });
  });
}

/** 升级为重大: the manager is told at once; the complaint joins the major list. */
export async function escalateComplaint(db: Db, who: Who, raw: TComplaintStep) {
  const input = ZComplaintStep.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await load(tx, input.complaintId, input.version);
    if (c.severity === "major") throw new DomainError("COMPLAINT_ALREADY_MAJOR", { complaintNo: c.complaintNo });
    const to = transition(c.status, "escalate");
    const escalatedAt = new Date();
    const res = await applyStep(tx, who, c, {
      action: "escalate",
      to,
      note: input.note,
      data: { severity: "major", escalatedAt },
      audit: { before: { severity: "normal" }, after: { severity: "major" } },
    });
    await escalateNotice(tx, c.id, c.complaintNo, c.complainantName, who.id, escalatedAt);
    return res;
  });
}
