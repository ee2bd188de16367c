import type { listRegister } from "@/server/domain/borrowing/register.service";

type FullRow = Awaited<ReturnType<typeof listRegister>>["rows"][number];
/**
 * The fields a register row shows; the page picks them (the full row also holds the login,
 * comments, who lent and took back, for the export).
 */
export type RegisterRowView = Pick<
  FullRow,
  | "id"
  | "requestNo"
  | "borrowType"
  | "borrower"
  | "purpose"
  | "status"
  | "overdueDays"
  | "returnedLate"
  | "renewalCount"
  | "renewalPending"
  | "approvedBy"
  | "approvedAt"
  | "secondApprovedBy"
  | "secondApprovedAt"
  | "rejectedBy"
  | "rejectComment"
  | "requestedAt"
  | "lentAt"
  | "receivedAt"
  | "dueOn"
  | "returnedAt"
  | "returnedState"
> & { records: Pick<FullRow["records"][number], "id" | "archiveNo" | "title" | "returnCheck" | "returnNote">[] };

/** A full row cut to what RegisterRows shows: the page data of a client row is these fields. */
export const registerRowView = (r: FullRow): RegisterRowView => ({
  id: r.id,
  requestNo: r.requestNo,
  borrowType: r.borrowType,
  borrower: r.borrower,
  purpose: r.purpose,
  status: r.status,
  overdueDays: r.overdueDays,
  returnedLate: r.returnedLate,
  renewalCount: r.renewalCount,
  renewalPending: r.renewalPending,
  approvedBy: r.approvedBy,
  approvedAt: r.approvedBy ? r.approvedAt : null,
  secondApprovedBy: r.secondApprovedBy,
  secondApprovedAt: r.secondApprovedBy ? r.secondApprovedAt : null,
  rejectedBy: r.rejectedBy,
  rejectComment: r.rejectedBy ? r.rejectComment : null,
  requestedAt: r.requestedAt,
  lentAt: r.lentAt,
  receivedAt: r.lentAt ? r.receivedAt : null,
  dueOn: r.dueOn,
  returnedAt: r.returnedAt,
  returnedState: r.returnedAt ? r.returnedState : null,
  records: r.records.map((i) => ({ id: i.id, archiveNo: i.archiveNo, title: i.title, returnCheck: i.returnCheck, returnNote: i.returnCheck === "incomplete" ? i.returnNote : null })),
});
