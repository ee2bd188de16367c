import { z } from "zod";
import { ZLabelGrid } from "./label-grid";

// Shared by the boxes / labels / stock-take forms and their procedures.
const ZPart = z.string().trim().min(1, "required").max(50, "tooLong");
const ZPage = z.number().int().min(1).max(10_000).default(1);

export const ZBoxId = z.object({ boxId: z.uuid() });
/** A box by its place 柜-架-盒 (a record's location → its box page). */
export const ZBoxAt = z.object({ cabinet: ZPart, shelf: ZPart, box: ZPart });
export type TBoxAt = z.infer<typeof ZBoxAt>;

export const ZListBoxes = z.object({
  q: z.string().trim().max(50).optional(),
  cabinet: z.string().trim().max(50).optional(),
  shelf: z.string().trim().max(50).optional(),
  sort: z.enum(["code", "newest"]).default("code"),
  page: ZPage,
  pageSize: z.number().int().min(1).max(200).default(30),
});
export type TListBoxes = z.input<typeof ZListBoxes>;

export const ZCreateBox = z.object({ cabinet: ZPart, shelf: ZPart, box: ZPart, note: z.string().trim().max(100, "tooLong").optional() });
export type TCreateBox = z.infer<typeof ZCreateBox>;

export const ZCreateLabelSheet = ZLabelGrid.extend({
  kind: z.enum(["box", "folder"]),
  targetIds: z.array(z.uuid()).min(1, "labelsRequired").max(500, "tooMany"),
});
export type TCreateLabelSheet = z.infer<typeof ZCreateLabelSheet>;

/** A stock-take of one box (box given) or of a whole shelf (box empty). */
export const ZStartStockTake = z.object({ cabinet: ZPart, shelf: ZPart, box: z.string().trim().max(50, "tooLong").optional() });
export type TStartStockTake = z.infer<typeof ZStartStockTake>;

export const ZStockTakeId = z.object({ stockTakeId: z.uuid() });
export const ZScanArchiveNo = z.object({ stockTakeId: z.uuid(), archiveNo: z.string().trim().min(1, "required").max(40, "tooLong") });
export type TScanArchiveNo = z.infer<typeof ZScanArchiveNo>;
/** 撤销 one scan of an open stock-take (by its 档号: one row per number per stock-take). */
export const ZWithdrawScan = ZScanArchiveNo;
export type TWithdrawScan = z.infer<typeof ZWithdrawScan>;

export const ZListStockTakes = z.object({
  status: z.enum(["open", "finished"]).optional(),
  boxId: z.uuid().optional(),
  page: ZPage,
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListStockTakes = z.input<typeof ZListStockTakes>;
