import { router, roleProcedure } from "../../trpc";
import { whoOf } from "./who";
import { CALLBACK_TAKERS, COMPLAINT_READERS, REPAIR_APPROVERS, REPAIR_CLERKS } from "../../../domain/complaints/complaints.policy";
import * as svc from "../../../domain/complaints/repairs.service";
import * as read from "../../../domain/complaints/repairs.read";
import { ZListRepairs, ZRepairCallback, ZRepairCreate, ZRepairDecision, ZRepairId, ZRepairPlan, ZRepairReject, ZRepairStep } from "../../../domain/complaints/complaints.schema";

// 整改维修联系单 (003): the department registers and follows orders; cost decisions belong to the
// manager-role accounts the settings name as 工程部经理 / 总经理 (checked in the service).
const readers = roleProcedure([...COMPLAINT_READERS, ...REPAIR_APPROVERS]);
const clerks = roleProcedure(REPAIR_CLERKS);
const approvers = roleProcedure(REPAIR_APPROVERS);

export const repairsRouter = router({
  list: readers.input(ZListRepairs).query(({ ctx, input }) => read.listRepairs(ctx.db, whoOf(ctx), input)),
  get: readers.input(ZRepairId).query(({ ctx, input }) => read.getRepair(ctx.db, whoOf(ctx), input.repairId)),
  create: clerks.input(ZRepairCreate).mutation(({ ctx, input }) => svc.createRepair(ctx.db, whoOf(ctx), input)),
  submitPlan: clerks.input(ZRepairPlan).mutation(({ ctx, input }) => svc.submitRepairPlan(ctx.db, whoOf(ctx), input)),
  approve: approvers.input(ZRepairDecision).mutation(({ ctx, input }) => svc.approveRepair(ctx.db, whoOf(ctx), input)),
  reject: approvers.input(ZRepairReject).mutation(({ ctx, input }) => svc.rejectRepair(ctx.db, whoOf(ctx), input)),
  complete: clerks.input(ZRepairStep).mutation(({ ctx, input }) => svc.completeRepair(ctx.db, whoOf(ctx), input)),
  callback: roleProcedure(CALLBACK_TAKERS).input(ZRepairCallback).mutation(({ ctx, input }) => svc.repairCallback(ctx.db, whoOf(ctx), input)),
});
