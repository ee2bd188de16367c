import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { APPRAISAL_READERS, FINE_RECORDERS } from "../../../domain/appraisal/appraisal.policy";
import { viewerOf } from "../../../domain/appraisal/viewer";
import * as fines from "../../../domain/appraisal/fines.service";
import { ZFineProposal, ZListFines, ZRecordFine } from "../../../domain/appraisal/appraisal.schema";

// 违规处罚 (issue 7 §5): supervisors and managers record; everyone sees their own.
export const finesRouter = router({
  list: roleProcedure(APPRAISAL_READERS).input(ZListFines).query(async ({ ctx, input }) => fines.listFines(ctx.db, await viewerOf(ctx.db, ctx.user), input)),
  proposal: roleProcedure(FINE_RECORDERS).input(ZFineProposal).query(async ({ ctx, input }) => fines.fineProposal(ctx.db, await viewerOf(ctx.db, ctx.user), input)),
  record: roleProcedure(FINE_RECORDERS).input(ZRecordFine).mutation(async ({ ctx, input }) => fines.recordFine(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input)),
});
