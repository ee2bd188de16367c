import type { Db } from "../../db/client";
import { inTransaction, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import type { Prisma } from "../../db/generated/client";
import type { Locale } from "../../i18n/config";
import { toCsv, toXlsx } from "../borrowing/register-export";
import { contactRowsForExport } from "./contacts.read";
import { contactExportFileName, contactTable } from "./contact-export";
import { allocateDocumentSeq, formatDocumentNo } from "../document-number";
import { shanghaiDay } from "../time";
import { shanghaiInstant } from "../complaints/complaints.schema";
import { unitLabelsOf, type Who } from "../complaints/shared";
import { maskPhone } from "../privacy/mask";
import { assertMayAmend } from "./contacts.policy";
import { ZContactCorrect, ZContactRecord, ZContactVoid, ZFollowUpDone, type ContactExportFormat, type TContactFilters, type TContactCorrect, type TContactRecord, type TContactVoid, type TFollowUpDone } from "./contacts.schema";

// 客户来电来访登记 (issue 9 §0, 000 §13): the front desk records every call and visit; the daily,
// weekly and monthly 来电来访情况 count this register. Nothing is deleted: a wrong entry is
// corrected or voided, each with a reason and its before → after in the audit log.

/** A wall clock a little ahead of the server's is not "the future". */
const SKEW_MS = 2 * 60_000;
/** 来电来访 LD-2026-00001: five digits, a busy desk takes thousands of calls a year. */
const SERIES = "LD";

type Fields = ReturnType<typeof ZContactRecord.parse>;

async function resolveFields(tx: Tx, input: Fields, now: Date) {
  const occurredAt = input.occurredAt ? shanghaiInstant(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + SKEW_MS) throw new DomainError("CONTACT_IN_FUTURE");
  let phone = input.callerPhone ?? null;
  if (input.clientId) {
    const client = await tx.client.findUnique({ where: { id: input.clientId }, select: { phone: true } });
    if (!client) throw new DomainError("NOT_FOUND");
    phone ??= client.phone;
  }
  if (input.unitId && !(await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true } }))) throw new DomainError("NOT_FOUND");
  const unitLabel = input.unitId ? ((await unitLabelsOf(tx, [input.unitId])).get(input.unitId) ?? null) : null;
  return {
    data: {
      occurredAt,
      channel: input.channel,
      purpose: input.purpose,
      clientId: input.clientId ?? null,
      unitId: input.unitId ?? null,
      callerName: input.callerName,
      callerPhone: phone,
      content: input.content,
      answer: input.answer,
      followUpNeeded: input.followUpNeeded,
    },
    unitLabel,
  };
}

function searchTextOf(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ").toLowerCase();
}

/** What the audit log keeps of an entry (the phone masked: the log is read widely). */
function auditView(c: { occurredAt: Date; channel: string; purpose: string; clientId: string | null; unitId: string | null; callerName: string; callerPhone: string | null; content: string; answer: string; followUpNeeded: boolean }) {
  return {
    occurredAt: c.occurredAt.toISOString(),
    channel: c.channel,
    purpose: c.purpose,
    clientId: c.clientId,
    unitId: c.unitId,
    callerName: c.callerName,
    callerPhone: maskPhone(c.callerPhone),
    content: c.content,
    answer: c.answer,
    followUpNeeded: c.followUpNeeded,
  };
}

export async function recordContact(db: Db, who: Who, raw: TContactRecord) {
  const input = ZContactRecord.parse(raw);
  return inTransaction(db, async (tx) => {
    const now = new Date();
    const { data, unitLabel } = await resolveFields(tx, input, now);
    const year = Number(shanghaiDay(data.occurredAt).slice(0, 4));
    const contactNo = formatDocumentNo(SERIES, year, await allocateDocumentSeq(tx, SERIES, year), 5);
    const c = await tx.contactLog.create({
      data: { ...data, contactNo, recordedById: who.id, recordedByName: who.name, searchText: searchTextOf([contactNo, data.callerName, unitLabel, data.content, data.answer]) },
      select: { id: true, contactNo: true },
    });
    await writeAudit(tx, who, { action: "contact.create", entity: "ContactLog", entityId: c.id, after: { contactNo, ...auditView(data) } });
    return c;
  });
}

async function loadForChange(tx: Tx, who: Who, contactId: string, version: number | undefined) {
  const c = await tx.contactLog.findUnique({ where: { id: contactId } });
  if (!c) throw new DomainError("NOT_FOUND");
  assertMayAmend(who, c);
  if (c.voidedAt) throw new DomainError("CONTACT_VOIDED", { contactNo: c.contactNo });
  if (version !== undefined && version !== c.version) throw new DomainError("CONTACT_CHANGED", { contactNo: c.contactNo });
  return c;
}

/** Conditional on the version read: a concurrent change makes this a clear conflict, not an overwrite. */
async function updateAt(tx: Tx, c: { id: string; version: number; contactNo: string }, data: Parameters<Tx["contactLog"]["updateMany"]>[0]["data"]) {
  const res = await tx.contactLog.updateMany({ where: { id: c.id, version: c.version }, data: { ...data, version: { increment: 1 } } });
  if (res.count !== 1) throw new DomainError("CONTACT_CHANGED", { contactNo: c.contactNo });
}

/** 更正: the recorder or a lead; the old values go to the audit log with the reason. */
export async function correctContact(db: Db, who: Who, raw: TContactCorrect) {
  const input = ZContactCorrect.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await loadForChange(tx, who, input.contactId, input.version);
    // An empty time on the correction form keeps the recorded time (it is not "now").
    const { data, unitLabel } = await resolveFields(tx, { ...input, occurredAt: input.occurredAt ?? null }, new Date());
    if (!input.occurredAt) data.occurredAt = c.occurredAt;
    // The form never holds the full phone (it leaves the server masked): empty keeps the recorded one.
    if (!input.callerPhone) data.callerPhone = c.callerPhone;
    const before = auditView(c);
    const after = auditView(data);
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k as keyof typeof before] !== v));
    if (Object.keys(changed).length === 0) throw new DomainError("CONTACT_NOTHING_CHANGED");
    await updateAt(tx, c, { ...data, searchText: searchTextOf([c.contactNo, data.callerName, unitLabel, data.content, data.answer]) });
    const beforeChanged = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]]));
    await writeAudit(tx, who, { action: "contact.correct", entity: "ContactLog", entityId: c.id, before: beforeChanged, after: { ...changed, reason: input.reason } });
    return { id: c.id, contactNo: c.contactNo };
  });
}

/** 作废: the entry stays in the register, marked void with the reason, and no report counts it. */
export async function voidContact(db: Db, who: Who, raw: TContactVoid) {
  const input = ZContactVoid.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await loadForChange(tx, who, input.contactId, input.version);
    const now = new Date();
    await updateAt(tx, c, { voidedAt: now, voidedById: who.id, voidReason: input.reason });
    await writeAudit(tx, who, { action: "contact.void", entity: "ContactLog", entityId: c.id, before: { voidedAt: null }, after: { contactNo: c.contactNo, voidedAt: now.toISOString(), reason: input.reason } });
    return { id: c.id, contactNo: c.contactNo };
  });
}

/** 跟进完成: anyone of the desk who followed it up, with what was done. */
export async function completeFollowUp(db: Db, who: Who, raw: TFollowUpDone) {
  const input = ZFollowUpDone.parse(raw);
  return inTransaction(db, async (tx) => {
    const c = await tx.contactLog.findUnique({ where: { id: input.contactId } });
    if (!c) throw new DomainError("NOT_FOUND");
    if (c.voidedAt) throw new DomainError("CONTACT_VOIDED", { contactNo: c.contactNo });
    if (!c.followUpNeeded) throw new DomainError("CONTACT_NO_FOLLOW_UP");
    if (c.followUpDoneAt) throw new DomainError("CONTACT_FOLLOW_UP_DONE");
    if (input.version !== undefined && input.version !== c.version) throw new DomainError("CONTACT_CHANGED", { contactNo: c.contactNo });
    const now = new Date();
    await updateAt(tx, c, { followUpDoneAt: now, followUpDoneById: who.id, followUpNote: input.note });
    await writeAudit(tx, who, { action: "contact.followUp", entity: "ContactLog", entityId: c.id, before: { followUpDoneAt: null }, after: { contactNo: c.contactNo, followUpDoneAt: now.toISOString(), note: input.note } });
    return { id: c.id, contactNo: c.contactNo };
  });
}

/**
 * 导出 CSV / XLSX: the entries the list's filters select, as the list shows them (phones masked),
 * with an audit entry saying who exported which filters and how many entries — the register
 * holds clients' names and what they called about.
 */
export async function exportContacts(db: Db, actor: Actor, raw: TContactFilters, format: ContactExportFormat, locale: Locale, now = new Date()) {
  const { filters, rows } = await contactRowsForExport(db, raw);
  const file = contactExportFileName(locale, now, format);
  const table = contactTable(rows, locale);
  const body = format === "csv" ? toCsv(table) : await toXlsx(table, file.sheet);
  await inTransaction(db, (tx) =>
    writeAudit(tx, actor, {
      action: "contact.export",
      entity: "ContactLog",
      entityId: null,
      after: { format, rows: rows.length, filters: JSON.parse(JSON.stringify(filters)) as Prisma.InputJsonValue },
    }),
  );
  return { body, rows: rows.length, ...file };
}
