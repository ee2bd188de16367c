import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { hasAnyRole, type Role } from "../../auth/roles";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import { DomainError, type DomainErrorCode } from "../errors";
import { writeAudit } from "../audit/audit-log";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { shanghaiDay } from "../time";
import { dateOfDay, dayOf } from "../archive/retention";
import { transition } from "./borrow.machine";
import { LOAN_APPROVERS, SECOND_APPROVER_ROLES, assertCanGiveSecondApproval, assertNotOwnRequest } from "./borrow.policy";
import { checkDueOn, daysOverdue, settleDueOn } from "./loan-period";
import { dueDayRules, getBorrowSettings, type BorrowSettingsView } from "./settings.service";
import { assertNotHeld, dueOnRefusal, holdersOf, moveLoan, type Person } from "./requests.service";
import { slipRowSelect } from "./slip.select";
import { cappedTotal, countLimit } from "../capped-count";
import {
  ZApproveBorrow,
  ZApproveRenewal,
  ZBulkApproveBorrow,
  ZListInbox,
  ZRejectBorrow,
  ZRejectRenewal,
  type TApproveBorrow,
  type TApproveRenewal,
  type TBulkApproveBorrow,
  type TListInbox,
  type TRejectBorrow,
  type TRejectRenewal,
} from "./borrow.schema";
import { slipTextWhere } from "./slip-search";

// 借阅审批 (DOMAIN §2, issue 5 item 2): the department manager approves or rejects; a 机密 record
// needs a second approval by the role the admin configured, from neither the borrower nor the
// first approver. The approval that makes a slip 已批准 reserves its records (BorrowItem.holdKey,
// unique), so a record held by one approved loan cannot be approved on another.

type Decision = "approve" | "secondApprove" | "reject";

const loanSelect = {
  id: true,
  requestNo: true,
  status: true,
  needsSecondApproval: true,
  requesterId: true,
  approvedById: true,
  items: { select: { id: true, recordId: true, record: { select: { archiveNo: true, status: true } } } },
} satisfies Prisma.BorrowRequestSelect;
type Loan = Prisma.BorrowRequestGetPayload<{ select: typeof loanSelect }>;

const joinNos = (nos: string[]) => [...new Set(nos)].sort().join("、");
type Viewer = { id: string; roles: readonly Role[] };

/** Who may take this decision on this loan now (the procedure's role guard came first). */
function assertMayDecide(decider: Person, loan: Loan, action: Decision, settings: BorrowSettingsView) {
  const second = action === "secondApprove" || (action === "reject" && loan.status === "pending_second");
  if (second) return assertCanGiveSecondApproval(decider, loan, settings.secretApproverRole);
  assertNotOwnRequest(decider.id, loan.requesterId);
  if (!hasAnyRole(decider.roles, LOAN_APPROVERS)) throw new DomainError("FORBIDDEN");
}

/** Reserves the slip's records for it: each must be in store and held by no other loan. */
async function holdRecords(tx: Tx, loan: Loan) {
  await assertNotHeld(tx, loan.items.map((i) => i.recordId), loan.id);
  const away = loan.items.filter((i) => i.record.status !== "in_store");
  if (away.length) throw new DomainError("BORROW_RECORD_UNAVAILABLE", { archiveNo: joinNos(away.map((i) => i.record.archiveNo)) });
  // The unique holdKey is the last word: a concurrent approval that got in first makes this fail.
  for (const item of loan.items) await tx.borrowItem.update({ where: { id: item.id }, data: { holdKey: item.recordId } });
}

async function decideIn(tx: Tx, decider: Person, requestId: string, action: Decision, comment: string | null) {
  const loan = await tx.borrowRequest.findUnique({ where: { id: requestId }, select: loanSelect });
  if (!loan) throw new DomainError("NOT_FOUND");
  transition(loan, action);
  const settings = await getBorrowSettings(tx);
  assertMayDecide(decider, loan, action, settings);
  const now = new Date();
  const data: Prisma.BorrowRequestUncheckedUpdateManyInput =
    action === "approve"
      ? { approvedById: decider.id, approvedAt: now, approvalComment: comment }
      : action === "secondApprove"
        ? { secondApprovedById: decider.id, secondApprovedAt: now, secondComment: comment }
        : { rejectedById: decider.id, rejectedAt: now, rejectComment: comment };
  const to = await moveLoan(tx, decider, loan, action, data, comment ? { comment } : {});
  if (to === "approved") await holdRecords(tx, loan);

  const link = `/borrowing/${loan.id}`;
  if (to === "pending_second") {
    const reviewers = (await activeUserIdsWithRoles(tx, [settings.secretApproverRole], loan.requesterId)).filter((id) => id !== decider.id);
    await notify(tx, { userIds: reviewers, kind: "borrowSecondNeeded", params: { requestNo: loan.requestNo, approver: decider.name }, link: `/borrowing/approvals?q=${encodeURIComponent(loan.requestNo)}`, dedupeKey: `borrowSecondNeeded:${loan.id}` });
    await notify(tx, { userIds: [loan.requesterId], kind: "borrowPendingSecond", params: { requestNo: loan.requestNo, approver: decider.name }, link });
  } else if (to === "approved") {
    await notify(tx, { userIds: [loan.requesterId], kind: "borrowApproved", params: { requestNo: loan.requestNo, approver: decider.name }, link, dedupeKey: `borrowApproved:${loan.id}` });
  } else {
    await notify(tx, { userIds: [loan.requesterId], kind: "borrowRejected", params: { requestNo: loan.requestNo, approver: decider.name, comment: comment ?? "" }, link, dedupeKey: `borrowRejected:${loan.id}` });
  }
  return { id: loan.id, requestNo: loan.requestNo, status: to };
}

/**
 * One decision in its own transaction. A concurrent approval of another slip for the same record
 * surfaces as a unique violation on holdKey (or a serialization retry that then finds the holder);
 * either way the caller hears BORROW_RECORD_HELD naming the record and the slip that holds it.
 */
async function decide(db: Db, decider: Person, requestId: string, action: Decision, comment: string | null) {
  try {
    return await inTransaction(db, (tx) => decideIn(tx, decider, requestId, action, comment));
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const items = await db.borrowItem.findMany({ where: { requestId }, select: { recordId: true } });
    await assertNotHeld(db, items.map((i) => i.recordId), requestId);
    throw new DomainError("CONFLICT");
  }
}

export function approveBorrowRequest(db: Db, decider: Person, raw: TApproveBorrow) {
  const input = ZApproveBorrow.parse(raw);
  return decide(db, decider, input.requestId, "approve", input.comment || null);
}

export function secondApproveBorrowRequest(db: Db, decider: Person, raw: TApproveBorrow) {
  const input = ZApproveBorrow.parse(raw);
  return decide(db, decider, input.requestId, "secondApprove", input.comment || null);
}

export function rejectBorrowRequest(db: Db, decider: Person, raw: TRejectBorrow) {
  const input = ZRejectBorrow.parse(raw);
  return decide(db, decider, input.requestId, "reject", input.comment);
}

export type BulkFailure = { requestId: string; requestNo: string | null; code: DomainErrorCode; params: Record<string, string | number> };

/**
 * 批量批准: each slip in its own transaction (one refusal does not undo the others); a 待复核 slip
 * gets the second approval. Returns what went through and, for each failure, why.
 */
export async function bulkApproveBorrowRequests(db: Db, decider: Person, raw: TBulkApproveBorrow) {
  const input = ZBulkApproveBorrow.parse(raw);
  const ids = [...new Set(input.requestIds)];
  const nos = new Map((await db.borrowRequest.findMany({ where: { id: { in: ids } }, select: { id: true, requestNo: true, status: true } })).map((r) => [r.id, r]));
  const done: { id: string; requestNo: string; status: string }[] = [];
  const failed: BulkFailure[] = [];
  for (const id of ids) {
    const known = nos.get(id);
    const action: Decision = known?.status === "pending_second" ? "secondApprove" : "approve";
    try {
      done.push(await decide(db, decider, id, action, input.comment || null));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      failed.push({ requestId: id, requestNo: known?.requestNo ?? null, code: e.code, params: e.params });
    }
  }
  return { done, failed };
}

// ── 续借 decisions ─────────────────────────────────────────────────────────────────────────

async function renewalFor(tx: Tx, renewalId: string) {
  const renewal = await tx.borrowRenewal.findUnique({
    where: { id: renewalId },
    select: {
      id: true,
      status: true,
      newDueOn: true,
      previousDueOn: true,
      reason: true,
      request: { select: { id: true, requestNo: true, status: true, needsSecondApproval: true, requesterId: true, dueOn: true } },
    },
  });
  if (!renewal) throw new DomainError("NOT_FOUND");
  if (renewal.status !== "pending") throw new DomainError("BORROW_RENEWAL_WRONG_STATUS");
  return renewal;
}

/** Marks the renewal decided with a conditional update: of two deciders exactly one wins. */
async function closeRenewal(tx: Tx, decider: Person, renewalId: string, status: "approved" | "rejected", comment: string | null) {
  const { count } = await tx.borrowRenewal.updateMany({
    where: { id: renewalId, status: "pending" },
    data: { status, pendingKey: null, decidedById: decider.id, decidedAt: new Date(), comment },
  });
  if (count !== 1) throw new DomainError("BORROW_RENEWAL_WRONG_STATUS");
}

/** 续借批准: the loan's due day moves, renewalCount + 1, status 已续借 (the machine's "renew"). */
export async function approveRenewal(db: Db, decider: Person, raw: TApproveRenewal, now = new Date()) {
  const input = ZApproveRenewal.parse(raw);
  return inTransaction(db, async (tx) => {
    const renewal = await renewalFor(tx, input.renewalId);
    const loan = renewal.request;
    assertNotOwnRequest(decider.id, loan.requesterId);
    transition(loan, "renew");
    const currentDue = dayOf(loan.dueOn);
    const newDue = dayOf(renewal.newDueOn);
    if (newDue <= currentDue) throw new DomainError("BORROW_RENEWAL_NOT_LATER", { dueOn: currentDue });
    const settings = await dueDayRules(tx);
    const check = checkDueOn(newDue, now, settings);
    if (!check.ok) throw dueOnRefusal(check);
    await closeRenewal(tx, decider, renewal.id, "approved", input.comment || null);
    // A renewed due day on a 放假 day moves on too (calendar); the slip says from which day.
    const settled = settleDueOn(newDue, settings);
    const to = await moveLoan(tx, decider, loan, "renew", { dueOn: dateOfDay(settled.dueOn), dueMovedFrom: settled.movedFrom ? dateOfDay(settled.movedFrom) : null, renewalCount: { increment: 1 } }, { dueOn: settled.dueOn, previousDueOn: currentDue, ...(settled.movedFrom ? { dueMovedFrom: settled.movedFrom } : {}), ...(input.comment ? { comment: input.comment } : {}) });
    await writeAudit(tx, decider, {
      action: "borrowRenewal.approve",
      entity: "BorrowRenewal",
      entityId: renewal.id,
      before: { requestNo: loan.requestNo, status: "pending", dueOn: currentDue },
      after: { requestNo: loan.requestNo, status: "approved", dueOn: newDue, ...(input.comment ? { comment: input.comment } : {}) },
    });
    await notify(tx, { userIds: [loan.requesterId], kind: "borrowRenewalApproved", params: { requestNo: loan.requestNo, dueOn: newDue }, link: `/borrowing/${loan.id}`, dedupeKey: `borrowRenewalApproved:${renewal.id}` });
    return { requestId: loan.id, requestNo: loan.requestNo, status: to, dueOn: settled.dueOn };
  });
}

export async function rejectRenewal(db: Db, decider: Person, raw: TRejectRenewal) {
  const input = ZRejectRenewal.parse(raw);
  return inTransaction(db, async (tx) => {
    const renewal = await renewalFor(tx, input.renewalId);
    const loan = renewal.request;
    assertNotOwnRequest(decider.id, loan.requesterId);
    await closeRenewal(tx, decider, renewal.id, "rejected", input.comment);
    await writeAudit(tx, decider, {
      action: "borrowRenewal.reject",
      entity: "BorrowRenewal",
      entityId: renewal.id,
      before: { requestNo: loan.requestNo, status: "pending" },
      after: { requestNo: loan.requestNo, status: "rejected", comment: input.comment },
    });
    await notify(tx, { userIds: [loan.requesterId], kind: "borrowRenewalRejected", params: { requestNo: loan.requestNo, comment: input.comment }, link: `/borrowing/${loan.id}`, dedupeKey: `borrowRenewalRejected:${renewal.id}` });
    return { requestId: loan.id, requestNo: loan.requestNo, dueOn: dayOf(loan.dueOn) };
  });
}

// ── the inbox ────────────────────────────────────────────────────────────────────────────

/** Slips waiting for this person's decision: the manager's first approvals, the configured role's second ones. */
function waitingWhere(user: Viewer, settings: BorrowSettingsView): Prisma.BorrowRequestWhereInput | null {
  const or: Prisma.BorrowRequestWhereInput[] = [];
  if (hasAnyRole(user.roles, LOAN_APPROVERS)) or.push({ status: "requested", requesterId: { not: user.id } });
  if (user.roles.includes(settings.secretApproverRole)) or.push({ status: "pending_second", requesterId: { not: user.id }, approvedById: { not: user.id } });
  return or.length ? { OR: or } : null;
}

function renewalsWaitingWhere(user: Viewer): Prisma.BorrowRenewalWhereInput | null {
  return hasAnyRole(user.roles, LOAN_APPROVERS) ? { status: "pending", request: { requesterId: { not: user.id } } } : null;
}

/** The sidebar badge: what waits for this person (indexed counts on status). */
export async function waitingCountFor(db: Db, user: Viewer) {
  const settings = await getBorrowSettings(db);
  const where = waitingWhere(user, settings);
  const rWhere = renewalsWaitingWhere(user);
  const [requests, renewals] = await Promise.all([where ? db.borrowRequest.count({ where }) : 0, rWhere ? db.borrowRenewal.count({ where: rWhere }) : 0]);
  return { requests, renewals, total: requests + renewals };
}

const inboxSelect = {
  ...slipRowSelect,
  approvedById: true,
  requester: { select: { displayName: true } },
  secondApprovedAt: true,
  rejectedAt: true,
  items: { select: { record: { select: { id: true, archiveNo: true, title: true, confidentiality: true, status: true } } }, orderBy: { record: { archiveNo: "asc" } } },
} satisfies Prisma.BorrowRequestSelect;

/** 借阅审批: the slips (and renewals) waiting for me, or the ones I decided; filters, sorting, paging. */
export async function listInbox(db: Db, user: Viewer, raw: TListInbox, now = new Date()) {
  const input = ZListInbox.parse(raw);
  const settings = await getBorrowSettings(db);
  const base =
    input.view === "waiting"
      ? waitingWhere(user, settings)
      : { OR: [{ approvedById: user.id }, { secondApprovedById: user.id }, { rejectedById: user.id }] };
  const counts = await waitingCountFor(db, user);
  const empty = { rows: [], total: 0, totalCapped: false, renewals: [], counts, page: input.page, pageSize: input.pageSize, secretApproverRole: settings.secretApproverRole };
  if (!base) return empty;
  const where: Prisma.BorrowRequestWhereInput = {
    AND: [base, slipTextWhere(input.q), input.borrowType ? { borrowType: input.borrowType } : {}, input.secretOnly ? { needsSecondApproval: true } : {}],
  };
  const rWhere = input.view === "waiting" ? renewalsWaitingWhere(user) : null;
  const [rows, total, renewals] = await Promise.all([
    db.borrowRequest.findMany({ where, orderBy: [{ [input.sort]: input.dir }, { requestNo: "asc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: inboxSelect }),
    db.borrowRequest.count({ where, take: countLimit(input.page, input.pageSize) }),
    rWhere && input.page === 1
      ? db.borrowRenewal.findMany({
          where: { AND: [rWhere, input.q ? { request: slipTextWhere(input.q) } : {}] },
          orderBy: { requestedAt: "asc" },
          take: 50,
          select: {
            id: true,
            previousDueOn: true,
            newDueOn: true,
            reason: true,
            requestedAt: true,
            request: { select: { id: true, requestNo: true, status: true, dueOn: true, renewalCount: true, requester: { select: { displayName: true } }, items: { select: { record: { select: { archiveNo: true, title: true } } }, orderBy: { record: { archiveNo: "asc" } } } } },
          },
        })
      : [],
  ]);
  // A record another approved loan already holds: the manager sees it before pressing approve.
  const held = new Map((await holdersOf(db, rows.flatMap((r) => r.items.map((i) => i.record.id)))).map((h) => [h.recordId, h.request]));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      requestNo: r.requestNo,
      requester: r.requester.displayName,
      borrowType: r.borrowType,
      purpose: r.purpose,
      status: r.status,
      dueOn: dayOf(r.dueOn),
      needsSecondApproval: r.needsSecondApproval,
      createdAt: r.createdAt,
      approvedBy: r.approvedBy?.displayName ?? null,
      secondApprovedBy: r.secondApprovedBy?.displayName ?? null,
      rejectedBy: r.rejectedBy?.displayName ?? null,
      comment: r.status === "rejected" ? r.rejectComment : r.approvalComment,
      decidedAt: r.rejectedAt ?? r.secondApprovedAt ?? r.approvedAt,
      action: r.status === "requested" ? ("approve" as const) : r.status === "pending_second" ? ("secondApprove" as const) : null,
      records: r.items.map((i) => {
        const h = held.get(i.record.id);
        return { ...i.record, heldBy: h && h.id !== r.id ? h.requestNo : null };
      }),
    })),
    ...cappedTotal(total, input.page, input.pageSize),
    renewals: renewals.map((n) => ({
      id: n.id,
      requestId: n.request.id,
      requestNo: n.request.requestNo,
      requester: n.request.requester.displayName,
      status: n.request.status,
      previousDueOn: dayOf(n.previousDueOn),
      newDueOn: dayOf(n.newDueOn),
      overdueDays: daysOverdue(dayOf(n.request.dueOn), now),
      renewalCount: n.request.renewalCount,
      reason: n.reason,
      requestedAt: n.requestedAt,
      records: n.request.items.map((i) => i.record),
    })),
    counts,
    page: input.page,
    pageSize: input.pageSize,
    secretApproverRole: settings.secretApproverRole,
    today: shanghaiDay(now),
  };
}

/** Sidebar badge (components/shell/sidebar-badges.ts): 借阅审批 → what waits for this person. */
export async function approvalsBadge(db: Db, user: Viewer): Promise<Record<string, number>> {
  if (!hasAnyRole(user.roles, SECOND_APPROVER_ROLES)) return {};
  const { total } = await waitingCountFor(db, user);
  return total ? { "/borrowing/approvals": total } : {};
}
