import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/audit-log";
import { formatShanghai, shanghaiDay } from "../time";
import { progressDue, replyDeadline } from "./clocks";
import { canRevealContact } from "./complaints.policy";
import { ZIntake, shanghaiInstant, type TIntake } from "./complaints.schema";
import { escalateNotice } from "./complaints.service";
import { allocateServiceSeq, formatServiceNo } from "./numbering";
import { readSettings } from "./settings.service";
import { unitLabelsOf, type Who } from "./shared";
import { linkContact } from "../contacts/contact-links";

// 受理 (DOMAIN §3, 000 §11): the receiver registers the complaint while the caller is on the
// line, promises a reply time, and owns it until it is handed on (首接负责制).

const SKEW_MS = 2 * 60_000;

function searchTextOf(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ").toLowerCase();
}

/** 受理: numbered TS-year-seq, owned by the receiver (首接负责制); a major one goes to the managers at once. */
export async function intakeComplaint(db: Db, who: Who, raw: TIntake) {
  const input = ZIntake.parse(raw);
  return inTransaction(db, async (tx) => {
    const now = new Date();
    const { rules } = await readSettings(tx);
    const receivedAt = input.receivedAt ? shanghaiInstant(input.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + SKEW_MS) throw new DomainError("COMPLAINT_RECEIVED_IN_FUTURE", {}, { field: "receivedAt" });
    const deadline = replyDeadline(receivedAt, rules);
    const promisedReplyAt = input.promisedReplyAt ? shanghaiInstant(input.promisedReplyAt) : deadline;
    // Minute precision on the form: the promise may equal the deadline's minute.
    if (promisedReplyAt.getTime() < receivedAt.getTime() - 60_000) throw new DomainError("COMPLAINT_PROMISE_BEFORE_RECEIPT", {}, { field: "promisedReplyAt" });
    if (promisedReplyAt.getTime() > deadline.getTime() + 59_999) throw new DomainError("COMPLAINT_PROMISE_TOO_LATE", { deadline: formatShanghai(deadline) }, { field: "promisedReplyAt" });

    const category = await tx.complaintCategory.findUnique({ where: { id: input.categoryId }, select: { id: true, name: true, isActive: true } });
    if (!category?.isActive) throw new DomainError("COMPLAINT_CATEGORY_UNKNOWN");
    let phone = input.contactPhone ?? null;
    if (input.clientId) {
      const client = await tx.client.findUnique({ where: { id: input.clientId }, select: { phone: true } });
      if (!client) throw new DomainError("NOT_FOUND");
      phone ??= client.phone;
    }
    if (input.unitId && !(await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true } }))) throw new DomainError("NOT_FOUND");
    const unitLabel = input.unitId ? (await unitLabelsOf(tx, [input.unitId])).get(input.unitId) : null;

    const year = Number(shanghaiDay(receivedAt).slice(0, 4));
    const seq = await allocateServiceSeq(tx, "TS", year);
    const complaintNo = formatServiceNo("TS", year, seq);
    const isMajor = input.severity === "major";
    const c = await tx.complaint.create({
      data: {
        complaintNo,
        year,
        seq,
        channel: input.channel,
        categoryId: category.id,
        severity: input.severity,
        clientId: input.clientId ?? null,
        unitId: input.unitId ?? null,
        complainantName: input.complainantName,
        contactPhone: phone,
        content: input.content,
        receivedAt,
        receivedById: who.id,
        promisedReplyAt,
        lastProgressAt: receivedAt,
        progressDueAt: progressDue(receivedAt, rules),
        escalatedAt: isMajor ? now : null,
        searchText: searchTextOf([complaintNo, input.complainantName, unitLabel, category.name, input.content]),
      },
      select: { id: true, complaintNo: true, status: true },
    });
    await tx.serviceEvent.create({
      data: { complaintId: c.id, kind: "intake", toStatus: "received", note: input.content, actorId: who.id, actorName: who.name, data: { promisedReplyAt: promisedReplyAt.toISOString(), channel: input.channel } },
    });
    await writeAudit(tx, who, {
      action: "complaint.create",
      entity: "Complaint",
      entityId: c.id,
      after: { complaintNo, channel: input.channel, category: category.name, severity: input.severity, complainant: input.complainantName, receivedAt: receivedAt.toISOString(), promisedReplyAt: promisedReplyAt.toISOString() },
    });
    if (input.contactId) {
      // 转投诉: the caller's phone recorded at the desk follows, unless one was given here.
      const { callerPhone } = await linkContact(tx, who, input.contactId, { complaintId: c.id, complaintNo });
      if (!phone && callerPhone) await tx.complaint.update({ where: { id: c.id }, data: { contactPhone: callerPhone } });
    }
    if (isMajor) await escalateNotice(tx, c.id, complaintNo, input.complainantName, who.id, now);
    return c;
  });
}

/** The full contact number, for calling the complainant back: a logged action. */
export async function revealContact(db: Db, who: Who, complaintId: string) {
  return inTransaction(db, async (tx) => {
    const c = await tx.complaint.findUnique({ where: { id: complaintId }, select: { id: true, complaintNo: true, contactPhone: true, status: true, severity: true, assigneeId: true, receivedById: true } });
    if (!c) throw new DomainError("NOT_FOUND");
    if (!canRevealContact(who, c)) throw new DomainError("COMPLAINT_NOT_RESPONSIBLE");
    await writeAudit(tx, who, { action: "complaint.reveal", entity: "Complaint", entityId: c.id, after: { complaintNo: c.complaintNo, field: "contactPhone" } });
    return { contactPhone: c.contactPhone };
  });
}
