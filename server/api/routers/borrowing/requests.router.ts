import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import type { Context } from "../../context";
import type { SessionUser } from "../../../domain/accounts/session";
import { translatorFor } from "../../../i18n/translate";
import { BORROWERS, BORROW_SETTINGS_ADMINS, LOAN_APPROVERS, SECOND_APPROVER_ROLES } from "../../../domain/borrowing/borrow.policy";
import * as requests from "../../../domain/borrowing/requests.service";
import * as approvals from "../../../domain/borrowing/approvals.service";
import * as settings from "../../../domain/borrowing/settings.service";
import {
  ZApproveBorrow,
  ZApproveRenewal,
  ZBorrowRequestId,
  ZBorrowSettings,
  ZBulkApproveBorrow,
  ZCreateBorrowRequest,
  ZListInbox,
  ZListMyRequests,
  ZPickRecords,
  ZRejectBorrow,
  ZRejectRenewal,
} from "../../../domain/borrowing/borrow.schema";

// 借阅申请与审批 (issue 5 items 1–2, 5's 续借 decisions): borrowers ask and withdraw; the manager
// approves or rejects (also renewals); the configured role gives the second approval of 机密
// loans. The person-level rules (never your own, not the first approver) are in the services.
const borrowers = roleProcedure(BORROWERS);
const approvers = roleProcedure(LOAN_APPROVERS);
// First or second approvers: which of the two a person is depends on the settings, read per call.
const deciders = roleProcedure(SECOND_APPROVER_ROLES);
const settingsAdmins = roleProcedure(BORROW_SETTINGS_ADMINS);

const person = (ctx: { user: SessionUser; ip: string | null }) => ({ ...actorOf(ctx), roles: ctx.user.roles });

export const requestsRouter = router({
  // ── the borrower ──
  formDefaults: borrowers.query(({ ctx }) => settings.requestFormDefaults(ctx.db)),
  pickRecords: borrowers.input(ZPickRecords).query(({ ctx, input }) => requests.pickRecords(ctx.db, ctx.user.roles, input)),
  mine: borrowers.input(ZListMyRequests).query(({ ctx, input }) => requests.listMyRequests(ctx.db, ctx.user.id, input)),
  create: borrowers.input(ZCreateBorrowRequest).mutation(({ ctx, input }) => requests.createBorrowRequest(ctx.db, person(ctx), input)),
  withdraw: borrowers.input(ZBorrowRequestId).mutation(({ ctx, input }) => requests.withdrawBorrowRequest(ctx.db, person(ctx), input.requestId)),

  // ── the approvers ──
  inbox: deciders.input(ZListInbox).query(({ ctx, input }) => approvals.listInbox(ctx.db, ctx.user, input)),
  waitingCount: deciders.query(({ ctx }) => approvals.waitingCountFor(ctx.db, ctx.user)),
  approve: approvers.input(ZApproveBorrow).mutation(({ ctx, input }) => approvals.approveBorrowRequest(ctx.db, person(ctx), input)),
  secondApprove: deciders.input(ZApproveBorrow).mutation(({ ctx, input }) => approvals.secondApproveBorrowRequest(ctx.db, person(ctx), input)),
  reject: deciders.input(ZRejectBorrow).mutation(({ ctx, input }) => approvals.rejectBorrowRequest(ctx.db, person(ctx), input)),
  bulkApprove: deciders.input(ZBulkApproveBorrow).mutation(async ({ ctx, input }) => {
    const result = await approvals.bulkApproveBorrowRequests(ctx.db, person(ctx), input);
    return { ...result, failed: result.failed.map((f) => ({ ...f, message: messageOf(ctx, f.code, f.params) })) };
  }),
  approveRenewal: approvers.input(ZApproveRenewal).mutation(({ ctx, input }) => approvals.approveRenewal(ctx.db, person(ctx), input)),
  rejectRenewal: approvers.input(ZRejectRenewal).mutation(({ ctx, input }) => approvals.rejectRenewal(ctx.db, person(ctx), input)),

  // ── 借阅设置 (admin) ──
  settings: settingsAdmins.query(({ ctx }) => settings.getBorrowSettings(ctx.db)),
  updateSettings: settingsAdmins.input(ZBorrowSettings).mutation(({ ctx, input }) => settings.updateBorrowSettings(ctx.db, actorOf(ctx), input)),
});

/** The failures of a bulk approval, each in the caller's language. */
function messageOf(ctx: Pick<Context, "locale">, code: string, params: Record<string, string | number>) {
  const t = translatorFor(ctx.locale);
  return t(`errors.${code}` as "errors.NOT_FOUND", params);
}
