import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { ARCHIVE_READERS } from "../../../domain/archive/archive.policy";
import { BORROWERS, LENDERS, LOAN_APPROVERS, REGISTER_READERS, SECOND_APPROVER_ROLES } from "../../../domain/borrowing/borrow.policy";
import * as loans from "../../../domain/borrowing/loans.service";
import * as views from "../../../domain/borrowing/loan-views";
import { ZClearRecordFlag, ZDeskList, ZLoanId, ZRecordId, ZRequestRenewal, ZReturnLoan } from "../../../domain/borrowing/loan.schema";

// The loan at the archive desk (issue 5 items 3–5): the archivist lends and takes back, the
// borrower confirms receipt and asks for renewals; a slip is read by its borrower and by the
// roles that handle or oversee loans (the service checks the person).
const lenders = roleProcedure(LENDERS);
const borrowers = roleProcedure(BORROWERS);
const slipReaders = roleProcedure([...new Set([...BORROWERS, ...LENDERS, ...LOAN_APPROVERS, ...SECOND_APPROVER_ROLES, ...REGISTER_READERS])]);

export const loansRouter = router({
  desk: lenders.input(ZDeskList).query(({ ctx, input }) => views.deskList(ctx.db, input)),
  get: slipReaders.input(ZLoanId).query(({ ctx, input }) => views.getLoan(ctx.db, ctx.user, input.requestId)),
  recordState: roleProcedure(ARCHIVE_READERS).input(ZRecordId).query(({ ctx, input }) => views.recordLoanState(ctx.db, ctx.user.roles, input.recordId)),
  lend: lenders.input(ZLoanId).mutation(({ ctx, input }) => loans.lendLoan(ctx.db, actorOf(ctx), input.requestId)),
  confirmReceipt: borrowers.input(ZLoanId).mutation(({ ctx, input }) => loans.confirmReceipt(ctx.db, actorOf(ctx), input.requestId)),
  return: lenders.input(ZReturnLoan).mutation(({ ctx, input }) => loans.returnLoan(ctx.db, actorOf(ctx), input)),
  clearRecordFlag: lenders.input(ZClearRecordFlag).mutation(({ ctx, input }) => loans.clearRecordFlag(ctx.db, actorOf(ctx), input)),
  requestRenewal: borrowers.input(ZRequestRenewal).mutation(({ ctx, input }) => loans.requestRenewal(ctx.db, actorOf(ctx), input)),
});
