import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { APPRAISAL_FINALISERS, APPRAISAL_READERS, APPRAISAL_SCORERS } from "../../../domain/appraisal/appraisal.policy";
import { viewerOf } from "../../../domain/appraisal/viewer";
import * as query from "../../../domain/appraisal/appraisals.query";
import * as appraisals from "../../../domain/appraisal/appraisals.service";
import { ZAcknowledge, ZAppraisalId, ZCorrect, ZCreateAppraisal, ZDispute, ZListAppraisals, ZReopen, ZSaveScores } from "../../../domain/appraisal/appraisal.schema";

// 周检/月检/抽检/月考核/年终考评 and their workflow (issue 7 §2, §4). Visibility (own / team /
// everyone) and who may score which kind for whom are decided in the services, per object.
const readers = roleProcedure(APPRAISAL_READERS);
const scorers = roleProcedure(APPRAISAL_SCORERS);
const finalisers = roleProcedure(APPRAISAL_FINALISERS);

export const appraisalsRouter = router({
  list: readers.input(ZListAppraisals).query(async ({ ctx, input }) => query.listAppraisals(ctx.db, await viewerOf(ctx.db, ctx.user), input)),
  get: readers.input(ZAppraisalId).query(async ({ ctx, input }) => query.getAppraisal(ctx.db, await viewerOf(ctx.db, ctx.user), input.appraisalId)),
  appraisable: scorers.query(async ({ ctx }) => appraisals.appraisableFor(ctx.db, await viewerOf(ctx.db, ctx.user))),
  create: scorers.input(ZCreateAppraisal).mutation(async ({ ctx, input }) => appraisals.createAppraisal(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input)),
  saveScores: scorers.input(ZSaveScores).mutation(async ({ ctx, input }) => appraisals.saveScores(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input)),
  score: scorers.input(ZAppraisalId).mutation(async ({ ctx, input }) => appraisals.moveAppraisal(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input.appraisalId, { action: "score" })),
  reopen: scorers.input(ZReopen).mutation(async ({ ctx, input }) => appraisals.moveAppraisal(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input.appraisalId, { action: "reopen", comment: input.reason })),
  acknowledge: readers.input(ZAcknowledge).mutation(async ({ ctx, input }) => appraisals.moveAppraisal(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input.appraisalId, { action: "acknowledge", comment: input.comment })),
  dispute: readers.input(ZDispute).mutation(async ({ ctx, input }) => appraisals.moveAppraisal(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input.appraisalId, { action: "dispute", comment: input.comment })),
  finalise: finalisers.input(ZAppraisalId).mutation(async ({ ctx, input }) => appraisals.moveAppraisal(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input.appraisalId, { action: "finalise" })),
  correct: finalisers.input(ZCorrect).mutation(async ({ ctx, input }) => appraisals.correctAppraisal(ctx.db, actorOf(ctx), await viewerOf(ctx.db, ctx.user), input)),
});
