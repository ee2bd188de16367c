import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import * as handover from "../../../domain/archive/handover.service";
import { ARCHIVE_KEEPERS, ARCHIVE_READERS } from "../../../domain/archive/archive.policy";
import { ZBatchId, ZCheckItem, ZCreateBatch, ZImportBatch, ZListBatches, ZProjectUnits } from "../../../domain/archive/handover.schema";

// 移交: anyone of the archive may read the batches; only the archive room (档案管理员) receives,
// checks and signs them (004 第八条: 与项目客服部秘书进行交接).
const reader = roleProcedure(ARCHIVE_READERS);
const keeper = roleProcedure(ARCHIVE_KEEPERS);

export const handoverRouter = router({
  list: reader.input(ZListBatches).query(({ ctx, input }) => handover.listBatches(ctx.db, input)),
  get: reader.input(ZBatchId).query(({ ctx, input }) => handover.getBatch(ctx.db, ctx.user.roles, input.batchId)),
  options: keeper.query(({ ctx }) => handover.handoverOptions(ctx.db)),
  projectUnits: keeper.input(ZProjectUnits).query(({ ctx, input }) => handover.projectUnits(ctx.db, input.projectId)),
  create: keeper.input(ZCreateBatch).mutation(({ ctx, input }) => handover.createBatch(ctx.db, actorOf(ctx), input)),
  importFile: keeper.input(ZImportBatch).mutation(({ ctx, input }) => handover.importBatch(ctx.db, actorOf(ctx), input)),
  checkItem: keeper.input(ZCheckItem).mutation(({ ctx, input }) => handover.checkItem(ctx.db, actorOf(ctx), input)),
  checkAllReceived: keeper.input(ZBatchId).mutation(({ ctx, input }) => handover.checkAllReceived(ctx.db, actorOf(ctx), input.batchId)),
  sign: keeper.input(ZBatchId).mutation(({ ctx, input }) => handover.signBatch(ctx.db, actorOf(ctx), input.batchId)),
});
