import type { Db } from "../../db/client";
import type { BorrowStatus, Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import { DomainError } from "../errors";
import { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from "../time";
import { dateOfDay, dayOf } from "../archive/retention";
import { locationOf } from "../archive/records.select";
import { assertMaySee } from "../archive/archive.policy";
import { ON_LOAN_STATUSES, availableActions } from "./borrow.machine";
import { LENDERS, LOAN_APPROVERS, REGISTER_READERS, SECOND_APPROVER_ROLES } from "./borrow.policy";
import { daysOverdue, latestDueOn } from "./loan-period";
import { isLoanOverdue } from "./overdue";
import { dueDayRules } from "./settings.service";
import { LOAN_ENTITY, stepsOf } from "../calendar/escalation.service";
import { ZDeskList, type DeskView, type TDeskList } from "./loan.schema";
import { cappedTotal, countLimit } from "../capped-count";
import { containsText, containsTextInsensitive } from "../search/like-pattern";

// What the borrow slip's page and the archive desk show: the slip with its files, renewals and
// history, the buttons a person may press, the desk's tabs and counts, a record's loan state.
// The moves themselves are in loans.service.ts.

/** Everything a slip's page may offer; which of them a person gets is slipActionsFor. */
export type SlipAction = "approve" | "secondApprove" | "reject" | "withdraw" | "lend" | "confirmReceipt" | "return" | "requestRenewal" | "decideRenewal";

/**
 * The buttons this person may press on the slip now: the machine's moves for its status, narrowed
 * by role and person (never one's own approval, the second approver neither the borrower nor the
 * first approver, the borrower's own acts). The procedures check the same rules again.
 */
export function slipActionsFor(
  viewer: { id: string; roles: readonly Role[] },
  loan: { status: BorrowStatus; needsSecondApproval: boolean; requesterId: string; approvedById: string | null; receivedAt: Date | null; pendingRenewal: boolean },
  secretApproverRole: Role,
): SlipAction[] {
  const moves = availableActions(loan);
  const own = viewer.id === loan.requesterId;
  const approver = !own && hasAnyRole(viewer.roles, LOAN_APPROVERS);
  const second = !own && viewer.roles.includes(secretApproverRole) && viewer.id !== loan.approvedById;
  const lender = hasAnyRole(viewer.roles, LENDERS);
  const out: SlipAction[] = [];
  if (loan.status === "requested" && approver) out.push("approve");
  if (loan.status === "pending_second" && second) out.push("secondApprove");
  if ((loan.status === "requested" && approver) || (loan.status === "pending_second" && second)) out.push("reject");
  if (moves.includes("withdraw") && own) out.push("withdraw");
  if (moves.includes("lend") && lender) out.push("lend");
  const onLoan = ON_LOAN_STATUSES.includes(loan.status);
  if (onLoan && own && !loan.receivedAt) out.push("confirmReceipt");
  if (moves.includes("return") && lender) out.push("return");
  if (moves.includes("renew") && own && !loan.pendingRenewal) out.push("requestRenewal");
  if (onLoan && loan.pendingRenewal && approver) out.push("decideRenewal");
  return out;
}

// ── reading ────────────────────────────────────────────────────────────────────────────────

/** Who may open any slip (not only their own): the desk, the approvers, the register's readers. */
const SLIP_READERS: readonly Role[] = [...new Set([...LENDERS, ...LOAN_APPROVERS, ...SECOND_APPROVER_ROLES, ...REGISTER_READERS])];

export function maySeeAnySlip(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, SLIP_READERS);
}

async function namesOf(db: Db, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }) : [];
  const map = new Map(users.map((u) => [u.id, u.displayName]));
  return (id: string | null | undefined) => (id ? (map.get(id) ?? null) : null);
}

/** One slip as its page shows it: items with location and check, renewals, history, what it allows now. */
export async function getLoan(db: Db, viewer: { id: string; roles: readonly Role[] }, requestId: string, now = new Date()) {
  const loan = await db.borrowRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      requestNo: true,
      requesterId: true,
      borrowType: true,
      purpose: true,
      dueOn: true,
      status: true,
      needsSecondApproval: true,
      approvedById: true,
      approvedAt: true,
      approvalComment: true,
      secondApprovedById: true,
      secondApprovedAt: true,
      secondComment: true,
      rejectedById: true,
      rejectedAt: true,
      rejectComment: true,
      withdrawnAt: true,
      lentById: true,
      lentAt: true,
      receivedAt: true,
      returnedToId: true,
      returnedAt: true,
      voidedAt: true,
      renewalCount: true,
      dueMovedFrom: true,
      createdAt: true,
      items: {
        select: {
          id: true,
          holdKey: true,
          returnCheck: true,
          returnNote: true,
          record: { select: { id: true, archiveNo: true, title: true, status: true, confidentiality: true, cabinet: true, shelf: true, box: true, flagNote: true, flaggedAt: true, unitId: true } },
        },
      },
      renewals: {
        orderBy: { requestedAt: "asc" },
        select: { id: true, previousDueOn: true, newDueOn: true, reason: true, status: true, requestedById: true, requestedAt: true, decidedById: true, decidedAt: true, comment: true },
      },
    },
  });
  if (!loan) throw new DomainError("NOT_FOUND");
  if (loan.requesterId !== viewer.id && !maySeeAnySlip(viewer.roles)) throw new DomainError("FORBIDDEN");
  const name = await namesOf(db, [loan.requesterId, loan.approvedById, loan.secondApprovedById, loan.rejectedById, loan.lentById, loan.returnedToId, ...loan.renewals.flatMap((r) => [r.requestedById, r.decidedById])]);
  const history = await db.auditLog.findMany({
    where: { OR: [{ entity: "BorrowRequest", entityId: loan.id }, ...(loan.renewals.length ? [{ entity: "BorrowRenewal", entityId: { in: loan.renewals.map((r) => r.id) } }] : [])] },
    orderBy: { id: "asc" },
    take: 200,
    select: { id: true, at: true, actorName: true, action: true, before: true, after: true },
  });
  const dueOn = dayOf(loan.dueOn);
  const pendingRenewal = loan.renewals.some((r) => r.status === "pending");
  const settings = await dueDayRules(db);
  const escalation = await stepsOf(db, LOAN_ENTITY, loan.id);
  const items = loan.items
    .map(({ record: r, ...i }) => ({ ...i, record: { id: r.id, archiveNo: r.archiveNo, title: r.title, status: r.status, confidentiality: r.confidentiality, location: locationOf(r), flagNote: r.flagNote, flaggedAt: r.flaggedAt, unitId: r.unitId } }))
    .sort((a, b) => a.record.archiveNo.localeCompare(b.record.archiveNo));
  return {
    ...loan,
    dueOn,
    dueMovedFrom: loan.dueMovedFrom ? dayOf(loan.dueMovedFrom) : null,
    escalation,
    requester: name(loan.requesterId),
    approvedBy: name(loan.approvedById),
    secondApprovedBy: name(loan.secondApprovedById),
    rejectedBy: name(loan.rejectedById),
    lentBy: name(loan.lentById),
    returnedTo: name(loan.returnedToId),
    overdue: isLoanOverdue({ status: loan.status, dueOn }, now),
    daysOverdue: isLoanOverdue({ status: loan.status, dueOn }, now) ? daysOverdue(dueOn, now) : 0,
    actions: availableActions(loan),
    viewerActions: slipActionsFor(viewer, { ...loan, pendingRenewal }, settings.secretApproverRole),
    /** The latest due day a renewal asked for today may name. */
    latestDueOn: latestDueOn(now, settings),
    pendingRenewal,
    items,
    renewals: loan.renewals.map((r) => ({ ...r, previousDueOn: dayOf(r.previousDueOn), newDueOn: dayOf(r.newDueOn), requestedBy: name(r.requestedById), decidedBy: name(r.decidedById) })),
    history: history.map((h) => ({ ...h, id: h.id.toString() })),
  };
}

function deskWhere(view: DeskView, today: string): Prisma.BorrowRequestWhereInput {
  switch (view) {
    case "waiting":
      return { status: "approved" };
    case "onLoan":
      return { status: { in: [...ON_LOAN_STATUSES] } };
    case "overdue":
      return { status: { in: [...ON_LOAN_STATUSES] }, dueOn: { lt: dateOfDay(today) } };
    case "returnedToday":
      return { status: "returned", returnedAt: { gte: startOfShanghaiDay(today), lt: endOfShanghaiDay(today) } };
  }
}

function searchWhere(q: string | undefined): Prisma.BorrowRequestWhereInput {
  if (!q) return {};
  return {
    OR: [
      { requestNo: containsTextInsensitive(q) },
      { requester: { displayName: containsText(q) } },
      { items: { some: { record: { archiveNo: containsTextInsensitive(q) } } } },
    ],
  };
}

const DEFAULT_SORT: Record<DeskView, { sort: NonNullable<TDeskList["sort"]>; dir: "asc" | "desc" }> = {
  waiting: { sort: "approvedAt", dir: "asc" },
  onLoan: { sort: "due", dir: "asc" },
  overdue: { sort: "due", dir: "asc" },
  returnedToday: { sort: "returnedAt", dir: "desc" },
};

function orderOf(sort: NonNullable<TDeskList["sort"]>, dir: "asc" | "desc"): Prisma.BorrowRequestOrderByWithRelationInput[] {
  const col: Record<typeof sort, Prisma.BorrowRequestOrderByWithRelationInput> = {
    due: { dueOn: dir },
    requestNo: { requestNo: dir },
    lentAt: { lentAt: dir },
    approvedAt: { approvedAt: dir },
    returnedAt: { returnedAt: dir },
  };
  return [col[sort], { requestNo: "asc" }];
}

/** How many slips each desk tab holds (the tabs' counts and the sidebar badge). */
export async function deskCounts(db: Db, now = new Date()) {
  const today = shanghaiDay(now);
  const [waiting, onLoan, overdue, returnedToday] = await Promise.all(
    (["waiting", "onLoan", "overdue", "returnedToday"] as const).map((v) => db.borrowRequest.count({ where: deskWhere(v, today) })),
  );
  return { waiting: waiting!, onLoan: onLoan!, overdue: overdue!, returnedToday: returnedToday! };
}

/** The archive desk: approved slips waiting to be lent, loans out (overdue first), overdue only, returned today. */
export async function deskList(db: Db, raw: TDeskList, now = new Date()) {
  const input = ZDeskList.parse(raw);
  const today = shanghaiDay(now);
  const where: Prisma.BorrowRequestWhereInput = { AND: [deskWhere(input.view, today), searchWhere(input.q)] };
  const sort = input.sort ?? DEFAULT_SORT[input.view].sort;
  const dir = input.dir ?? (input.sort ? "asc" : DEFAULT_SORT[input.view].dir);
  const [rows, total, counts] = await Promise.all([
    db.borrowRequest.findMany({
      where,
      orderBy: orderOf(sort, dir),
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        requestNo: true,
        borrowType: true,
        purpose: true,
        status: true,
        dueOn: true,
        approvedAt: true,
        lentAt: true,
        receivedAt: true,
        returnedAt: true,
        renewalCount: true,
        requester: { select: { displayName: true } },
        items: { select: { returnCheck: true, record: { select: { archiveNo: true, title: true, cabinet: true, shelf: true, box: true } } } },
        renewals: { where: { status: "pending" }, select: { id: true } },
      },
    }),
    db.borrowRequest.count({ where, take: countLimit(input.page, input.pageSize) }),
    deskCounts(db, now),
  ]);
  return {
    rows: rows.map(({ requester, items, renewals, ...r }) => {
      const dueOn = dayOf(r.dueOn);
      const overdue = isLoanOverdue({ status: r.status, dueOn }, now);
      return {
        ...r,
        dueOn,
        borrower: requester.displayName,
        overdue,
        daysOverdue: overdue ? daysOverdue(dueOn, now) : 0,
        pendingRenewal: renewals.length > 0,
        incompleteCount: items.filter((i) => i.returnCheck === "incomplete").length,
        records: items
          .map((i) => ({ archiveNo: i.record.archiveNo, title: i.record.title, location: locationOf(i.record) }))
          .sort((a, b) => a.archiveNo.localeCompare(b.archiveNo)),
      };
    }),
    ...cappedTotal(total, input.page, input.pageSize),
    counts,
    view: input.view,
    sort,
    dir,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The sidebar badge of /borrowing/desk: slips waiting to be handed over plus loans overdue. */
export async function deskBadge(db: Db, roles: readonly Role[], now = new Date()): Promise<Record<string, number>> {
  if (!hasAnyRole(roles, LENDERS)) return {};
  const today = shanghaiDay(now);
  const [waiting, overdue] = await Promise.all([db.borrowRequest.count({ where: deskWhere("waiting", today) }), db.borrowRequest.count({ where: deskWhere("overdue", today) })]);
  return { "/borrowing/desk": waiting + overdue };
}

/** The flag an incomplete return left on a record, and the slip that holds it now (the record page's banner). */
export async function recordLoanState(db: Db, roles: readonly Role[], recordId: string) {
  const rec = await db.archiveRecord.findUnique({
    where: { id: recordId },
    select: { id: true, archiveNo: true, confidentiality: true, flagNote: true, flaggedAt: true, borrowItems: { where: { holdKey: { not: null } }, select: { request: { select: { id: true, requestNo: true, status: true, dueOn: true } } } } },
  });
  if (!rec) throw new DomainError("NOT_FOUND");
  assertMaySee(roles, rec);
  const held = rec.borrowItems[0]?.request;
  return {
    id: rec.id,
    archiveNo: rec.archiveNo,
    flagNote: rec.flagNote,
    flaggedAt: rec.flaggedAt,
    heldBy: held ? { id: held.id, requestNo: held.requestNo, status: held.status, dueOn: dayOf(held.dueOn) } : null,
  };
}
