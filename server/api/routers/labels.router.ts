import { router, roleProcedure } from "../trpc";
import { actorOf } from "../context";
import { BOX_KEEPERS, BOX_READERS, STOCKTAKE_READERS } from "../../domain/labels/labels.policy";
import * as boxes from "../../domain/labels/boxes.service";
import * as sheets from "../../domain/labels/label-sheets.service";
import * as stockTakes from "../../domain/labels/stock-takes.service";
import { ZBoxAt, ZBoxId, ZCreateBox, ZCreateLabelSheet, ZListBoxes, ZListStockTakes, ZScanArchiveNo, ZStartStockTake, ZStockTakeId, ZWithdrawScan } from "../../domain/labels/labels.schema";

// 档案盒、标签、盘点 (issue 10 §3). Archive readers open boxes (a label's QR code); the archivist
// creates boxes, prints labels and takes stock; the manager reads the stock-takes.
const readers = roleProcedure(BOX_READERS);
const keepers = roleProcedure(BOX_KEEPERS);
const stockReaders = roleProcedure(STOCKTAKE_READERS);

export const labelsRouter = router({
  boxes: router({
    list: readers.input(ZListBoxes).query(({ ctx, input }) => boxes.listBoxes(ctx.db, ctx.user.roles, input)),
    at: readers.input(ZBoxAt).query(({ ctx, input }) => boxes.findBoxAt(ctx.db, input)),
    get: readers.input(ZBoxId).query(({ ctx, input }) => boxes.getBox(ctx.db, ctx.user.roles, input.boxId)),
    create: keepers.input(ZCreateBox).mutation(({ ctx, input }) => boxes.createBox(ctx.db, actorOf(ctx), input)),
  }),
  sheets: router({
    create: keepers.input(ZCreateLabelSheet).mutation(({ ctx, input }) => sheets.createLabelSheet(ctx.db, actorOf(ctx), input)),
  }),
  stockTakes: router({
    list: stockReaders.input(ZListStockTakes).query(({ ctx, input }) => stockTakes.listStockTakes(ctx.db, input)),
    get: stockReaders.input(ZStockTakeId).query(({ ctx, input }) => stockTakes.getStockTake(ctx.db, input.stockTakeId)),
    start: keepers.input(ZStartStockTake).mutation(({ ctx, input }) => stockTakes.startStockTake(ctx.db, actorOf(ctx), input)),
    scan: keepers.input(ZScanArchiveNo).mutation(({ ctx, input }) => stockTakes.scanArchiveNo(ctx.db, actorOf(ctx), input)),
    withdrawScan: keepers.input(ZWithdrawScan).mutation(({ ctx, input }) => stockTakes.withdrawScan(ctx.db, actorOf(ctx), input)),
    finish: keepers.input(ZStockTakeId).mutation(({ ctx, input }) => stockTakes.finishStockTake(ctx.db, actorOf(ctx), input.stockTakeId)),
  }),
});
