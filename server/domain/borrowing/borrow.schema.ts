import { z } from "zod";
import { ZDay } from "../calendar-day";

// Shared by the 借阅 request / approval / settings forms and their procedures. Messages are keys
// of the catalogue's "validation" namespace (server/i18n/messages/borrowing.*.json).
const ZComment = z.string().trim().max(200, "tooLong");
const ZArchiveNo = z.string().trim().min(1, "required").max(40, "tooLong");

export const BORROW_TYPES = ["reading", "copy", "takeaway"] as const;
export const BORROW_STATUSES = ["requested", "pending_second", "approved", "rejected", "lent", "renewed", "returned", "withdrawn"] as const;
/** Records on one slip: a 借出单 is a handful of files, not a transfer. */
export const MAX_RECORDS_PER_REQUEST = 20;

/** The record lists parsed as arrays (whatever else failed): the refinements over them can run. */
function hasRecordLists(payload: { value: unknown }): boolean {
  const v = payload.value as { recordIds?: unknown; archiveNos?: unknown } | undefined;
  return Array.isArray(v?.recordIds) && Array.isArray(v?.archiveNos);
}

/**
 * 借出单: records chosen in the picker (ids) and/or typed as exact 档号; the server resolves both,
 * refuses those not visible, not in store or held by another loan, naming them.
 */
export const ZCreateBorrowRequest = z
  .object({
    recordIds: z.array(z.uuid()).max(MAX_RECORDS_PER_REQUEST, "borrowTooMany").default([]),
    archiveNos: z.array(ZArchiveNo).max(MAX_RECORDS_PER_REQUEST, "borrowTooMany").default([]),
    borrowType: z.enum(BORROW_TYPES, "borrowTypeRequired"),
    purpose: z.string().trim().min(2, "borrowPurpose").max(200, "borrowPurpose"),
    dueOn: ZDay,
  })
  // `when`: checked even while other fields are wrong, so the form names every problem in one round
  // (zod skips an object's refinements once a field failed, unless told when they can run).
  .refine((v) => v.recordIds.length + v.archiveNos.length > 0, { path: ["recordIds"], message: "borrowRecordsRequired", when: hasRecordLists })
  .refine((v) => new Set([...v.recordIds, ...v.archiveNos]).size <= MAX_RECORDS_PER_REQUEST, { path: ["recordIds"], message: "borrowTooMany", when: hasRecordLists });
export type TCreateBorrowRequest = z.input<typeof ZCreateBorrowRequest>;

export const ZBorrowRequestId = z.object({ requestId: z.uuid() });
export type TBorrowRequestId = z.infer<typeof ZBorrowRequestId>;

/** Approve / second approval: the comment is optional. */
export const ZApproveBorrow = z.object({ requestId: z.uuid(), comment: ZComment.optional() });
export type TApproveBorrow = z.input<typeof ZApproveBorrow>;

/** Reject: a reason the borrower can act on. */
export const ZRejectBorrow = z.object({ requestId: z.uuid(), comment: z.string().trim().min(2, "borrowReason").max(200, "borrowReason") });
export type TRejectBorrow = z.input<typeof ZRejectBorrow>;

/** Approve several from the inbox: each in its own transaction, failures reported one by one. */
export const ZBulkApproveBorrow = z.object({
  requestIds: z.array(z.uuid()).min(1, "borrowSelectRequests").max(100, "borrowTooManyRequests"),
  comment: ZComment.optional(),
});
export type TBulkApproveBorrow = z.input<typeof ZBulkApproveBorrow>;

export const ZApproveRenewal = z.object({ renewalId: z.uuid(), comment: ZComment.optional() });
export type TApproveRenewal = z.input<typeof ZApproveRenewal>;
export const ZRejectRenewal = z.object({ renewalId: z.uuid(), comment: z.string().trim().min(2, "borrowReason").max(200, "borrowReason") });
export type TRejectRenewal = z.input<typeof ZRejectRenewal>;

const ZPage = z.number().int().min(1).max(10_000).default(1);
const ZDir = z.enum(["asc", "desc"]);

/** 我的借阅. */
export const MY_SORTS = ["createdAt", "dueOn", "requestNo"] as const;
export const ZListMyRequests = z.object({
  q: z.string().trim().max(60, "tooLong").optional(),
  status: z.enum(BORROW_STATUSES).optional(),
  overdue: z.boolean().optional(),
  sort: z.enum(MY_SORTS).default("createdAt"),
  dir: ZDir.default("desc"),
  page: ZPage,
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListMyRequests = z.input<typeof ZListMyRequests>;

/** The approvals inbox: what waits for me, or what I decided. */
export const INBOX_VIEWS = ["waiting", "decided"] as const;
export const INBOX_SORTS = ["createdAt", "dueOn", "requestNo"] as const;
export const ZListInbox = z.object({
  view: z.enum(INBOX_VIEWS).default("waiting"),
  q: z.string().trim().max(60, "tooLong").optional(),
  borrowType: z.enum(BORROW_TYPES).optional(),
  secretOnly: z.boolean().optional(),
  sort: z.enum(INBOX_SORTS).default("createdAt"),
  // Oldest first: whoever asked first has waited longest.
  dir: ZDir.default("asc"),
  page: ZPage,
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListInbox = z.input<typeof ZListInbox>;

/** The record picker of the request form: text search, or an exact 档号. */
export const ZPickRecords = z.object({
  q: z.string().trim().max(100, "tooLong").optional(),
  page: ZPage,
});
export type TPickRecords = z.input<typeof ZPickRecords>;

/** The roles the admin may name for the second approval (borrow.policy SECOND_APPROVER_ROLES, as a tuple for zod). */
export const SECOND_APPROVER_CHOICES = ["manager", "supervisor"] as const;

/** 借阅设置 (admin). The default period cannot exceed the maximum. */
export const ZBorrowSettings = z
  .object({
    defaultLoanDays: z.number("integer").int("integer").min(1, "borrowDays").max(365, "borrowDays"),
    maxLoanDays: z.number("integer").int("integer").min(1, "borrowDays").max(365, "borrowDays"),
    secretApproverRole: z.enum(SECOND_APPROVER_CHOICES, "invalid"),
    remindDaysBefore: z.number("integer").int("integer").min(0, "borrowRemindDays").max(30, "borrowRemindDays"),
    // calendar: the default and maximum periods count working days (放假/调休 calendar) instead of calendar days.
    countWorkingDays: z.boolean().default(false),
  })
  .refine((v) => v.defaultLoanDays <= v.maxLoanDays, { path: ["defaultLoanDays"], message: "borrowDefaultOverMax" });
export type TBorrowSettings = z.infer<typeof ZBorrowSettings>;
