import { z } from "zod";
import { ZDay } from "../calendar-day";

// Shared by the desk and slip pages' forms and the loan procedures (lend, receipt, return,
// renewal request, record flags). Messages are catalogue keys of the "validation" namespace.
const day = ZDay;

export const ZLoanId = z.object({ requestId: z.uuid() });
export type TLoanId = z.infer<typeof ZLoanId>;

/** One line of the return check: every record of the slip, complete or not (then say what is missing). */
export const ZReturnItem = z
  .object({
    itemId: z.uuid(),
    check: z.enum(["complete", "incomplete"]),
    note: z.string().trim().max(200, "tooLong").optional(),
  })
  .refine((i) => i.check === "complete" || (i.note ?? "").length >= 2, { path: ["note"], message: "missingNote" });

export const ZReturnLoan = z.object({
  requestId: z.uuid(),
  items: z.array(ZReturnItem).min(1, "required").max(200, "tooLong"),
});
export type TReturnLoan = z.infer<typeof ZReturnLoan>;
export type TReturnLoanInput = z.input<typeof ZReturnLoan>;

export const ZRequestRenewal = z.object({
  requestId: z.uuid(),
  newDueOn: day,
  reason: z.string().trim().min(2, "reasonLength").max(200, "reasonLength"),
});
export type TRequestRenewal = z.infer<typeof ZRequestRenewal>;

export const ZClearRecordFlag = z.object({
  recordId: z.uuid(),
  comment: z.string().trim().min(2, "reasonLength").max(200, "reasonLength"),
});
export type TClearRecordFlag = z.infer<typeof ZClearRecordFlag>;

export const ZRecordId = z.object({ recordId: z.uuid() });

export const DESK_VIEWS = ["waiting", "onLoan", "overdue", "returnedToday"] as const;
export type DeskView = (typeof DESK_VIEWS)[number];
export const DESK_SORTS = ["due", "requestNo", "lentAt", "approvedAt", "returnedAt"] as const;

export const ZDeskList = z.object({
  view: z.enum(DESK_VIEWS).default("waiting"),
  /** 借出单号, 档号 or the borrower's name. */
  q: z.string().trim().max(50, "tooLong").optional(),
  sort: z.enum(DESK_SORTS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TDeskList = z.input<typeof ZDeskList>;
