import { z } from "zod";

// 移交 (004 第七、八条): shared by the hand-over forms (zodResolver) and the procedures (.input).
// Messages are keys of the catalogue's "validation" namespace.

export const HANDOVER_CHECKS = ["pending", "received", "missing", "wrong"] as const;
export type THandoverCheck = (typeof HANDOVER_CHECKS)[number];
export const HANDOVER_STATUSES = ["checking", "signed"] as const;

/** A 移交清单 is a working list, not a bulk load: one project's files at a time. */
export const MAX_HANDOVER_LINES = 1000;
/** Import files larger than this are refused before parsing (a list of 1000 lines is ~60 KB). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const ZText = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");
const ZCount = z.coerce.number<number>().int("integer").min(1, "positiveInt").max(999, "positiveInt");

export const ZHandoverLine = z.object({
  unitId: z.uuid("required"),
  clientName: ZText(100),
  documentName: ZText(100),
  expectedCount: ZCount,
});
export type THandoverLine = z.infer<typeof ZHandoverLine>;

const ZBatchHeader = z.object({
  // 营销部 / 项目市场部: who hands the files over.
  fromDept: ZText(50),
  projectId: z.uuid("required"),
  classId: z.uuid("required"),
  note: z.string().trim().max(500, "tooLong").optional(),
});

export const ZCreateBatch = ZBatchHeader.extend({
  lines: z.array(ZHandoverLine).min(1, "handoverNoLines").max(MAX_HANDOVER_LINES, "handoverTooManyLines"),
});
export type TCreateBatch = z.infer<typeof ZCreateBatch>;

export const ZImportBatch = ZBatchHeader.extend({
  fileName: z.string().trim().min(1, "required").max(200, "tooLong"),
  // The file's bytes, base64 (tRPC carries JSON); the size is checked again after decoding.
  contentBase64: z.string().min(1, "required").max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, "handoverFileTooLarge"),
});
export type TImportBatch = z.infer<typeof ZImportBatch>;

export const ZListBatches = z.object({
  status: z.enum(HANDOVER_STATUSES).optional(),
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(100).default(20),
});
export type TListBatches = z.infer<typeof ZListBatches>;

export const ZBatchId = z.object({ batchId: z.uuid() });
export const ZProjectUnits = z.object({ projectId: z.uuid() });

export const ZCheckItem = z
  .object({
    itemId: z.uuid(),
    check: z.enum(["received", "missing", "wrong"]),
    // Only for 有误: how many sheets did arrive (已收到 means the expected count, 缺失 means 0).
    receivedCount: z.coerce.number<number>().int("integer").min(0, "integer").max(999, "integer").optional(),
    remark: z.string().trim().max(200, "tooLong").optional(),
  })
  // 有误 without saying what is wrong is useless to the marketing department that must fix it.
  .refine((v) => v.check !== "wrong" || !!v.remark, { path: ["remark"], message: "handoverRemarkRequired" });
export type TCheckItem = z.infer<typeof ZCheckItem>;
