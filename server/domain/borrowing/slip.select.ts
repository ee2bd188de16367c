import type { Prisma } from "../../db/generated/client";

/** The columns every list of borrow slips shows: number, type, purpose, status, due day and who decided. */
export const slipRowSelect = {
  id: true,
  requestNo: true,
  borrowType: true,
  purpose: true,
  status: true,
  dueOn: true,
  needsSecondApproval: true,
  createdAt: true,
  approvedAt: true,
  approvalComment: true,
  rejectComment: true,
  approvedBy: { select: { displayName: true } },
  secondApprovedBy: { select: { displayName: true } },
  rejectedBy: { select: { displayName: true } },
} satisfies Prisma.BorrowRequestSelect;
