import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { DomainError } from "../errors";
import { maskPhone } from "../privacy/mask";
import { prefixRange } from "../search/prefix-range";
import { hasAnyRole } from "../../auth/roles";
import { complaintClocks, DEFAULT_LEADS, progressLapsesAt, type ClockLeads } from "./clocks";
import { COMPLAINT_ENTITY, stepsOf } from "../calendar/escalation.service";
import { availableActions, OPEN_STATUSES, type ComplaintAction } from "./complaint.machine";
import { CALLBACK_TAKERS, COMPLAINT_ASSIGNERS, COMPLAINT_LEADS, MAJOR_CALLBACK_TAKERS, canHandle, canRevealContact, responsibleId } from "./complaints.policy";
import { ZComplainantSearch, ZListComplaints, type TListComplaints } from "./complaints.schema";
import { deptNamesOf, namesOf, unitLabelsOf, type Who } from "./shared";
import { cappedTotal, countLimit } from "../capped-count";
import { containsText, startsWithText } from "../search/like-pattern";

// Lists, one complaint, the complainant search and the 投诉处理单: reads only.

const OPEN = [...OPEN_STATUSES];

/** The "overdue by clock" filter: any clock past its due time and not done. */
export function overdueWhere(now: Date): Prisma.ComplaintWhereInput {
  return {
    OR: [
      { status: { in: OPEN }, progressDueAt: { lt: now } },
      { status: { in: OPEN }, repliedAt: null, promisedReplyAt: { lt: now } },
      { status: "resolved", callbackDueAt: { lt: now } },
    ],
  };
}

/** 我负责的: assigned to me, or received by me and not handed to anyone (首接负责制). */
export function mineWhere(userId: string): Prisma.ComplaintWhereInput {
  return { status: { not: "closed" }, OR: [{ assigneeId: userId }, { assigneeId: null, receivedById: userId }] };
}

export function unassignedWhere(): Prisma.ComplaintWhereInput {
  return { status: { in: OPEN }, assigneeId: null, assigneeDeptId: null };
}

/** The columns complaintClocks (clocks.ts) reads: spread into any select that shows a complaint's clocks. */
export const clockTimesSelect = {
  status: true,
  receivedAt: true,
  promisedReplyAt: true,
  repliedAt: true,
  lastProgressAt: true,
  progressDueAt: true,
  resolvedAt: true,
  callbackDueAt: true,
  calledBackAt: true,
} satisfies Prisma.ComplaintSelect;

const rowSelect = {
  ...clockTimesSelect,
  id: true,
  complaintNo: true,
  severity: true,
  channel: true,
  complainantName: true,
  unitId: true,
  receivedById: true,
  assigneeId: true,
  assigneeDeptId: true,
  reopenCount: true,
  version: true,
  category: { select: { name: true } },
} satisfies Prisma.ComplaintSelect;

const ORDER: Record<string, (dir: "asc" | "desc") => Prisma.ComplaintOrderByWithRelationInput[]> = {
  receivedAt: (dir) => [{ receivedAt: dir }, { complaintNo: dir }],
  complaintNo: (dir) => [{ complaintNo: dir }],
  promisedReplyAt: (dir) => [{ promisedReplyAt: dir }, { complaintNo: dir }],
  progressDueAt: (dir) => [{ progressDueAt: { sort: dir, nulls: "last" } }, { complaintNo: dir }],
  status: (dir) => [{ status: dir }, { receivedAt: "desc" }],
};

export async function listComplaints(db: Db, who: Who, raw: TListComplaints, now = new Date()) {
  const input = ZListComplaints.parse(raw);
  const and: Prisma.ComplaintWhereInput[] = [];
  if (input.view === "mine") and.push(mineWhere(who.id));
  if (input.view === "unassigned") and.push(unassignedWhere());
  if (input.view === "overdue") and.push(overdueWhere(now));
  if (input.view === "major") and.push({ severity: "major" });
  if (input.status) and.push({ status: input.status });
  if (input.channel) and.push({ channel: input.channel });
  if (input.severity) and.push({ severity: input.severity });
  if (input.categoryId) and.push({ categoryId: input.categoryId });
  if (input.q) {
    const q = input.q.toLowerCase();
    and.push({ OR: [{ complaintNo: startsWithText(input.q.toUpperCase()) }, { searchText: containsText(q) }] });
  }
  const where: Prisma.ComplaintWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    db.complaint.findMany({ where, orderBy: ORDER[input.sort]!(input.dir), skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: rowSelect }),
    db.complaint.count({ where, take: countLimit(input.page, input.pageSize) }),
  ]);
  const [names, depts, units, leads] = await Promise.all([
    namesOf(db, rows.flatMap((r) => [r.receivedById, r.assigneeId])),
    deptNamesOf(db, rows.map((r) => r.assigneeDeptId)),
    unitLabelsOf(db, rows.map((r) => r.unitId)),
    clockLeads(db),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      complaintNo: r.complaintNo,
      status: r.status,
      severity: r.severity,
      channel: r.channel,
      category: r.category.name,
      complainantName: r.complainantName,
      unit: units.get(r.unitId ?? "") ?? null,
      receivedAt: r.receivedAt,
      receivedBy: names.get(r.receivedById) ?? null,
      responsible: r.assigneeId ? (names.get(r.assigneeId) ?? null) : r.assigneeDeptId ? null : (names.get(r.receivedById) ?? null),
      department: depts.get(r.assigneeDeptId ?? "") ?? null,
      reopenCount: r.reopenCount,
      clocks: complaintClocks(r, now, leads),
    })),
    ...cappedTotal(total, input.page, input.pageSize),
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** Counts for the sidebar badges and the list's tabs (indexed counts). */
export async function complaintCounts(db: Db, userId: string, now = new Date()) {
  const [mine, unassigned, overdue, major] = await Promise.all([
    db.complaint.count({ where: mineWhere(userId) }),
    db.complaint.count({ where: unassignedWhere() }),
    db.complaint.count({ where: overdueWhere(now) }),
    db.complaint.count({ where: { severity: "major", status: { not: "closed" } } }),
  ]);
  return { mine, unassigned, overdue, major };
}

/** The actions this user may take on the complaint now (the services check the same rules). */
export function actionsFor(who: Who, c: { status: (typeof OPEN)[number] | "resolved" | "called_back" | "closed"; severity: "normal" | "major"; assigneeId: string | null; receivedById: string }): ComplaintAction[] {
  return availableActions(c.status).filter((a) => {
    switch (a) {
      case "assign":
        return hasAnyRole(who.roles, COMPLAINT_ASSIGNERS);
      case "progress":
      case "reply":
      case "resolve":
        return canHandle(who, c);
      case "callback":
        return hasAnyRole(who.roles, c.severity === "major" ? MAJOR_CALLBACK_TAKERS : CALLBACK_TAKERS);
      case "close":
        return hasAnyRole(who.roles, COMPLAINT_LEADS) || canHandle(who, c);
      case "escalate":
        return c.severity === "normal" && hasAnyRole(who.roles, COMPLAINT_LEADS);
    }
  });
}

export async function getComplaint(db: Db, who: Who, complaintId: string, now = new Date()) {
  const c = await db.complaint.findUnique({
    where: { id: complaintId },
    select: {
      ...rowSelect,
      content: true,
      contactPhone: true,
      clientId: true,
      assignedAt: true,
      progressLapses: true,
      resolution: true,
      closedAt: true,
      escalatedAt: true,
      resolvedById: true,
      events: { orderBy: { at: "asc" }, select: { id: true, kind: true, fromStatus: true, toStatus: true, note: true, data: true, actorName: true, at: true } },
      callbacks: { orderBy: { calledAt: "asc" }, select: { id: true, calledByName: true, calledAt: true, dueAt: true, satisfaction: true, remarks: true } },
      repairs: { orderBy: { createdAt: "asc" }, select: { id: true, orderNo: true, status: true, location: true } },
    },
  });
  if (!c) throw new DomainError("NOT_FOUND");
  const [names, depts, units, client, leads, escalation] = await Promise.all([
    namesOf(db, [c.receivedById, c.assigneeId, c.resolvedById]),
    deptNamesOf(db, [c.assigneeDeptId]),
    unitLabelsOf(db, [c.unitId]),
    c.clientId ? db.client.findUnique({ where: { id: c.clientId }, select: { name: true } }) : null,
    clockLeads(db),
    stepsOf(db, COMPLAINT_ENTITY, c.id),
  ]);
  const { contactPhone, category, ...rest } = c;
  const clocks = complaintClocks(c, now, leads);
  return {
    ...rest,
    category: category.name,
    contactPhoneMasked: maskPhone(contactPhone),
    hasContactPhone: !!contactPhone,
    clientName: client?.name ?? null,
    unit: units.get(c.unitId ?? "") ?? null,
    receivedBy: names.get(c.receivedById) ?? null,
    assignee: names.get(c.assigneeId ?? "") ?? null,
    department: depts.get(c.assigneeDeptId ?? "") ?? null,
    responsible: names.get(responsibleId(c)) ?? null,
    resolvedBy: names.get(c.resolvedById ?? "") ?? null,
    clocks,
    progressLapses: progressLapsesAt(c.progressLapses, clocks.progress),
    escalation,
    actions: actionsFor(who, c),
    canReveal: canRevealContact(who, c),
  };
}

/**
 * 投诉处理单 (002): time, matter, receiver, handling and result — the record the printing
 * issue lays out on A4.
 */
export async function complaintSheet(db: Db, who: Who, complaintId: string) {
  const c = await getComplaint(db, who, complaintId);
  return {
    complaintNo: c.complaintNo,
    time: c.receivedAt,
    matter: c.content,
    complainant: c.complainantName,
    contact: c.contactPhoneMasked,
    unit: c.unit,
    category: c.category,
    channel: c.channel,
    severity: c.severity,
    receiver: c.receivedBy,
    handling: c.events.filter((e) => e.kind !== "intake").map((e) => ({ at: e.at, kind: e.kind, by: e.actorName, note: e.note })),
    result: c.resolution,
    callbacks: c.callbacks.map((k) => ({ at: k.calledAt, by: k.calledByName, satisfaction: k.satisfaction, remarks: k.remarks })),
  };
}

/**
 * Search as you type: clients by name prefix or phone (exact), units by number prefix; each hit
 * is a client with one of their units (or a unit with its owner), phones masked. Prefixes, not
 * substrings: a prefix is an index range on Client_name_idx / Unit_number_idx, a substring a
 * scan of every client (people type a name from its surname).
 */
export async function searchComplainants(db: Db, raw: { q: string }) {
  const { q } = ZComplainantSearch.parse(raw);
  const isPhone = /^\d{7,12}$/.test(q);
  const clients = await db.client.findMany({
    where: isPhone ? { phone: q } : { name: prefixRange(q) },
    take: 8,
    orderBy: { name: "asc" },
    select: { id: true, name: true, phone: true, units: { take: 3, select: { unitId: true } } },
  });
  const unitRows = /\d/.test(q) && !isPhone
    ? await db.unit.findMany({ where: { number: prefixRange(q.replace(/\D/g, "")) }, take: 8, orderBy: { number: "asc" }, select: { id: true, owners: { take: 1, select: { client: { select: { id: true, name: true, phone: true } } } } } })
    : [];
  const labels = await unitLabelsOf(db, [...clients.flatMap((c) => c.units.map((u) => u.unitId)), ...unitRows.map((u) => u.id)]);
  const hits: { key: string; clientId: string | null; unitId: string | null; name: string; unit: string | null; phone: string }[] = [];
  for (const c of clients) {
    if (c.units.length === 0) hits.push({ key: c.id, clientId: c.id, unitId: null, name: c.name, unit: null, phone: maskPhone(c.phone) });
    for (const u of c.units) hits.push({ key: `${c.id}:${u.unitId}`, clientId: c.id, unitId: u.unitId, name: c.name, unit: labels.get(u.unitId) ?? null, phone: maskPhone(c.phone) });
  }
  for (const u of unitRows) {
    const owner = u.owners[0]?.client;
    const key = `${owner?.id ?? "-"}:${u.id}`;
    if (!hits.some((h) => h.key === key)) hits.push({ key, clientId: owner?.id ?? null, unitId: u.id, name: owner?.name ?? "", unit: labels.get(u.id) ?? null, phone: maskPhone(owner?.phone) });
  }
  return hits.slice(0, 12);
}

/** People and departments a complaint can be handed to. */
export async function assignmentTargets(db: Db) {
  const [people, departments] = await Promise.all([
    db.user.findMany({
      where: { isActive: true, roles: { some: { role: { in: ["staff", "supervisor", "manager"] } } } },
      orderBy: { loginName: "asc" },
      select: { id: true, displayName: true, department: { select: { name: true } } },
    }),
    db.department.findMany({ where: { children: { none: {} } }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
  ]);
  return { people: people.map((p) => ({ id: p.id, name: p.displayName, department: p.department?.name ?? null })), departments };
}

/** The amber warning lead times (complaint settings; the defaults until saved). */
async function clockLeads(db: Db): Promise<ClockLeads> {
  const s = await db.serviceSettings.findUnique({ where: { id: 1 }, select: { replyWarnMinutes: true, progressWarnMinutes: true, callbackWarnMinutes: true } });
  return s ? { reply: s.replyWarnMinutes, progress: s.progressWarnMinutes, callback: s.callbackWarnMinutes } : DEFAULT_LEADS;
}
