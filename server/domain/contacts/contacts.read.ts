import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { DomainError } from "../errors";
import { endOfShanghaiDay, formatShanghai, startOfShanghaiDay } from "../time";
import { unitLabelsOf } from "../complaints/shared";
import { maskPhone } from "../privacy/mask";
import { MAX_CONTACT_EXPORT_ROWS, ZContactFilters, ZListContacts, type ContactFilters, type TContactFilters, type TListContacts } from "./contacts.schema";
import { cappedTotal, countLimit } from "../capped-count";
import { containsText, startsWithText } from "../search/like-pattern";

// Reading the register: lists for the desk and the leads, one entry, and what 转投诉 prefills.

const rowSelect = {
  id: true,
  contactNo: true,
  occurredAt: true,
  channel: true,
  purpose: true,
  clientId: true,
  unitId: true,
  callerName: true,
  callerPhone: true,
  content: true,
  answer: true,
  followUpNeeded: true,
  followUpDoneAt: true,
  followUpNote: true,
  complaintId: true,
  repairId: true,
  recordedById: true,
  recordedByName: true,
  voidedAt: true,
  voidReason: true,
  version: true,
} satisfies Prisma.ContactLogSelect;

type Row = Prisma.ContactLogGetPayload<{ select: typeof rowSelect }>;

async function present(db: Db, rows: Row[]) {
  const [labels, complaints, repairs] = await Promise.all([
    unitLabelsOf(db, rows.map((r) => r.unitId)),
    db.complaint.findMany({ where: { id: { in: rows.flatMap((r) => (r.complaintId ? [r.complaintId] : [])) } }, select: { id: true, complaintNo: true } }),
    db.repairOrder.findMany({ where: { id: { in: rows.flatMap((r) => (r.repairId ? [r.repairId] : [])) } }, select: { id: true, orderNo: true } }),
  ]);
  const complaintNos = new Map(complaints.map((c) => [c.id, c.complaintNo]));
  const orderNos = new Map(repairs.map((r) => [r.id, r.orderNo]));
  return rows.map(({ callerPhone, ...r }) => ({
    ...r,
    // Personal information leaves the server masked.
    callerPhone: maskPhone(callerPhone),
    occurredAtText: formatShanghai(r.occurredAt),
    unit: r.unitId ? (labels.get(r.unitId) ?? null) : null,
    complaintNo: r.complaintId ? (complaintNos.get(r.complaintId) ?? null) : null,
    orderNo: r.repairId ? (orderNos.get(r.repairId) ?? null) : null,
    followUp: !r.followUpNeeded ? ("none" as const) : r.followUpDoneAt ? ("done" as const) : ("open" as const),
  }));
}

function whereOf(input: ContactFilters): Prisma.ContactLogWhereInput {
  const and: Prisma.ContactLogWhereInput[] = [];
  if (!input.includeVoided) and.push({ voidedAt: null });
  if (input.from) and.push({ occurredAt: { gte: startOfShanghaiDay(input.from) } });
  if (input.to) and.push({ occurredAt: { lt: endOfShanghaiDay(input.to) } });
  if (input.channel) and.push({ channel: input.channel });
  if (input.purpose) and.push({ purpose: input.purpose });
  if (input.followUp === "open") and.push({ followUpNeeded: true, followUpDoneAt: null });
  if (input.followUp === "done") and.push({ followUpDoneAt: { not: null } });
  if (input.followUp === "none") and.push({ followUpNeeded: false });
  if (input.q) and.push({ OR: [{ contactNo: startsWithText(input.q.toUpperCase()) }, { searchText: containsText(input.q.toLowerCase()) }] });
  return { AND: and };
}

// The secondary key keeps paging stable when many entries share a minute.
const orderOf = (input: ContactFilters): Prisma.ContactLogOrderByWithRelationInput[] => [{ [input.sort]: input.dir }, { contactNo: input.dir }];

export async function listContacts(db: Db, raw: TListContacts) {
  const input = ZListContacts.parse(raw);
  const where = whereOf(input);
  const [total, rows] = await Promise.all([
    db.contactLog.count({ where, take: countLimit(input.page, input.pageSize) }),
    db.contactLog.findMany({ where, orderBy: orderOf(input), skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: rowSelect }),
  ]);
  return { ...cappedTotal(total, input.page, input.pageSize), page: input.page, pageSize: input.pageSize, rows: await present(db, rows) };
}

/** Every entry the list's filters select, in the list's order (no paging), as the list shows them. */
export async function contactRowsForExport(db: Db, raw: TContactFilters) {
  const filters = ZContactFilters.parse(raw);
  const where = whereOf(filters);
  const total = await db.contactLog.count({ where });
  if (total > MAX_CONTACT_EXPORT_ROWS) throw new DomainError("CONTACT_EXPORT_TOO_LARGE", { total, max: MAX_CONTACT_EXPORT_ROWS });
  const rows = await db.contactLog.findMany({ where, orderBy: orderOf(filters), select: rowSelect });
  return { filters, rows: await present(db, rows) };
}

export type ContactRow = Awaited<ReturnType<typeof present>>[number];

export async function getContact(db: Db, contactId: string) {
  const row = await db.contactLog.findUnique({ where: { id: contactId }, select: rowSelect });
  if (!row) throw new DomainError("NOT_FOUND");
  const [c] = await present(db, [row]);
  return c!;
}

/** 转投诉: what the complaint intake form starts from (the phone stays on the server; intake copies it). */
export async function complaintPrefill(db: Db, contactId: string) {
  const c = await getContact(db, contactId);
  if (c.voidedAt) throw new DomainError("CONTACT_VOIDED", { contactNo: c.contactNo });
  if (c.complaintId) throw new DomainError("CONTACT_ALREADY_LINKED", { contactNo: c.contactNo });
  return {
    contactId: c.id,
    contactNo: c.contactNo,
    channel: c.channel,
    complainantName: c.callerName,
    clientId: c.clientId,
    unitId: c.unitId,
    unit: c.unit,
    phone: c.callerPhone,
    content: c.content,
    receivedAt: formatShanghai(c.occurredAt, "yyyy-MM-dd'T'HH:mm"),
  };
}

/** Open follow-ups: the desk's badge. */
export function openFollowUps(db: Db): Promise<number> {
  return db.contactLog.count({ where: { followUpNeeded: true, followUpDoneAt: null, voidedAt: null } });
}
