import { roleProcedure } from "../../trpc";
import { whoOf } from "./who";
import { CALLBACK_TAKERS, COMPLAINT_ASSIGNERS, COMPLAINT_HANDLERS, COMPLAINT_LEADS, COMPLAINT_READERS, COMPLAINT_RECEIVERS } from "../../../domain/complaints/complaints.policy";
import * as svc from "../../../domain/complaints/complaints.service";
import * as intake from "../../../domain/complaints/complaint-intake.service";
import * as read from "../../../domain/complaints/complaints.read";
import { listCategories } from "../../../domain/complaints/settings.service";
import { readSettings } from "../../../domain/complaints/settings.service";
import { ZAssign, ZCallback, ZComplainantSearch, ZComplaintId, ZComplaintStep, ZIntake, ZListComplaints } from "../../../domain/complaints/complaints.schema";

// 投诉 (issue 6): intake by anyone of the department, assignment by the supervisor, handling by
// the person responsible (checked per complaint in the service), callbacks, closing.
const readers = roleProcedure(COMPLAINT_READERS);

export const complaintProcedures = {
  list: readers.input(ZListComplaints).query(({ ctx, input }) => read.listComplaints(ctx.db, whoOf(ctx), input)),
  counts: readers.query(({ ctx }) => read.complaintCounts(ctx.db, ctx.user.id)),
  get: readers.input(ZComplaintId).query(({ ctx, input }) => read.getComplaint(ctx.db, whoOf(ctx), input.complaintId)),
  sheet: readers.input(ZComplaintId).query(({ ctx, input }) => read.complaintSheet(ctx.db, whoOf(ctx), input.complaintId)),
  searchComplainants: roleProcedure(COMPLAINT_RECEIVERS).input(ZComplainantSearch).query(({ ctx, input }) => read.searchComplainants(ctx.db, input)),
  formOptions: readers.query(async ({ ctx }) => ({ categories: await listCategories(ctx.db, { activeOnly: true }), rules: (await readSettings(ctx.db)).rules })),
  assignmentTargets: roleProcedure(COMPLAINT_ASSIGNERS).query(({ ctx }) => read.assignmentTargets(ctx.db)),
  intake: roleProcedure(COMPLAINT_RECEIVERS).input(ZIntake).mutation(({ ctx, input }) => intake.intakeComplaint(ctx.db, whoOf(ctx), input)),
  assign: roleProcedure(COMPLAINT_ASSIGNERS).input(ZAssign).mutation(({ ctx, input }) => svc.assignComplaint(ctx.db, whoOf(ctx), input)),
  progress: roleProcedure(COMPLAINT_HANDLERS).input(ZComplaintStep).mutation(({ ctx, input }) => svc.addProgress(ctx.db, whoOf(ctx), input)),
  reply: roleProcedure(COMPLAINT_HANDLERS).input(ZComplaintStep).mutation(({ ctx, input }) => svc.replyToComplainant(ctx.db, whoOf(ctx), input)),
  resolve: roleProcedure(COMPLAINT_HANDLERS).input(ZComplaintStep).mutation(({ ctx, input }) => svc.resolveComplaint(ctx.db, whoOf(ctx), input)),
  callback: roleProcedure(CALLBACK_TAKERS).input(ZCallback).mutation(({ ctx, input }) => svc.recordCallback(ctx.db, whoOf(ctx), input)),
  close: roleProcedure(COMPLAINT_HANDLERS).input(ZComplaintStep).mutation(({ ctx, input }) => svc.closeComplaint(ctx.db, whoOf(ctx), input)),
  escalate: roleProcedure(COMPLAINT_LEADS).input(ZComplaintStep).mutation(({ ctx, input }) => svc.escalateComplaint(ctx.db, whoOf(ctx), input)),
  revealContact: roleProcedure(COMPLAINT_HANDLERS).input(ZComplaintId).mutation(({ ctx, input }) => intake.revealContact(ctx.db, whoOf(ctx), input.complaintId)),
};
