import type { Db } from "../../db/client";
import type { Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit } from "../audit/audit-log";
import type { Who } from "../complaints/shared";

// 转投诉 / 转报修: the complaint or work order is created in the complaints module's own
// transaction, which calls linkContact there, so the link exists exactly when the complaint does.

type Target = { complaintId: string; complaintNo: string } | { repairId: string; orderNo: string };

/** Ties a contact to the complaint / work order started from it; refused if voided or already linked. */
export async function linkContact(tx: Tx, who: Who, contactId: string, target: Target): Promise<{ callerPhone: string | null }> {
  const isComplaint = "complaintId" in target;
  const c = await tx.contactLog.findUnique({ where: { id: contactId }, select: { id: true, contactNo: true, voidedAt: true, complaintId: true, repairId: true, callerPhone: true } });
  if (!c) throw new DomainError("NOT_FOUND");
  if (c.voidedAt) throw new DomainError("CONTACT_VOIDED", { contactNo: c.contactNo });
  // Conditional update: of two people converting the same contact at once, one links it.
  const res = await tx.contactLog.updateMany({
    where: { id: contactId, voidedAt: null, ...(isComplaint ? { complaintId: null } : { repairId: null }) },
    data: { ...(isComplaint ? { complaintId: target.complaintId } : { repairId: target.repairId }), version: { increment: 1 } },
  });
  if (res.count !== 1) throw new DomainError("CONTACT_ALREADY_LINKED", { contactNo: c.contactNo });
  await writeAudit(tx, who, {
    action: isComplaint ? "contact.toComplaint" : "contact.toRepair",
    entity: "ContactLog",
    entityId: c.id,
    before: isComplaint ? { complaintId: null } : { repairId: null },
    after: isComplaint ? { contactNo: c.contactNo, complaintNo: target.complaintNo } : { contactNo: c.contactNo, orderNo: target.orderNo },
  });
  return { callerPhone: c.callerPhone };
}

/** "来自来电来访登记 LD-…" on the complaint / work order page. */
export async function contactOf(db: Db | Tx, link: { complaintId: string } | { repairId: string }) {
  const c = await db.contactLog.findFirst({
    where: "complaintId" in link ? { complaintId: link.complaintId } : { repairId: link.repairId },
    select: { id: true, contactNo: true, occurredAt: true, channel: true, recordedByName: true },
  });
  return c;
}
