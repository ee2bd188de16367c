import { router, roleProcedure } from "../trpc";
import { whoOf } from "./complaints/who";
import { CONTACT_READERS, CONTACT_RECORDERS } from "../../domain/contacts/contacts.policy";
import { COMPLAINT_READERS, COMPLAINT_RECEIVERS } from "../../domain/complaints/complaints.policy";
import * as svc from "../../domain/contacts/contacts.service";
import * as read from "../../domain/contacts/contacts.read";
import { contactOf } from "../../domain/contacts/contact-links";
import { ZComplaintLink, ZContactCorrect, ZContactId, ZContactRecord, ZContactVoid, ZFollowUpDone, ZListContacts, ZRepairLink } from "../../domain/contacts/contacts.schema";
import { contactReportsRouter } from "./contacts/reports.router";

// 客户来电来访登记 (issue 9 §0): the front desk records, the department reads, the auditor reads;
// corrections and voids by the recorder or a lead (checked per entry in the service).
const readers = roleProcedure(CONTACT_READERS);
const recorders = roleProcedure(CONTACT_RECORDERS);

export const contactsRouter = router({
  list: readers.input(ZListContacts).query(({ ctx, input }) => read.listContacts(ctx.db, input)),
  get: readers.input(ZContactId).query(({ ctx, input }) => read.getContact(ctx.db, input.contactId)),
  record: recorders.input(ZContactRecord).mutation(({ ctx, input }) => svc.recordContact(ctx.db, whoOf(ctx), input)),
  correct: recorders.input(ZContactCorrect).mutation(({ ctx, input }) => svc.correctContact(ctx.db, whoOf(ctx), input)),
  void: recorders.input(ZContactVoid).mutation(({ ctx, input }) => svc.voidContact(ctx.db, whoOf(ctx), input)),
  completeFollowUp: recorders.input(ZFollowUpDone).mutation(({ ctx, input }) => svc.completeFollowUp(ctx.db, whoOf(ctx), input)),
  /** 转投诉: what the intake form starts from; the intake itself is complaints.intake with contactId. */
  complaintPrefill: roleProcedure(COMPLAINT_RECEIVERS).input(ZContactId).query(({ ctx, input }) => read.complaintPrefill(ctx.db, input.contactId)),
  /** "来自来电来访登记 …" on a complaint or work order page. */
  ofComplaint: roleProcedure(COMPLAINT_READERS).input(ZComplaintLink).query(({ ctx, input }) => contactOf(ctx.db, input)),
  ofRepair: roleProcedure(COMPLAINT_READERS).input(ZRepairLink).query(({ ctx, input }) => contactOf(ctx.db, input)),
  reports: contactReportsRouter,
});
