import type { Db } from "../../db/client";
import type { BorrowStatus, Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { inTransaction, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { nextDocumentNo } from "../document-number";
import { shanghaiDay } from "../time";
import { dateOfDay, dayOf } from "../archive/retention";
import { visibleRecordsWhere } from "../archive/archive.policy";
import { searchRecords } from "../archive/search.service";
import { AWAITING_DECISION, ON_LOAN_STATUSES, availableActions, transition, type BorrowAction } from "./borrow.machine";
import { LOAN_APPROVERS, assertBorrower } from "./borrow.policy";
import { checkDueOn, daysOverdue, settleDueOn, type DueCheck } from "./loan-period";
import { dueDayRules } from "./settings.service";
import { slipRowSelect } from "./slip.select";
import { ZCreateBorrowRequest, ZListMyRequests, ZPickRecords, type TCreateBorrowRequest, type TListMyRequests, type TPickRecords } from "./borrow.schema";
import { cappedTotal, countLimit } from "../capped-count";
import { slipSearchText, slipTextWhere } from "./slip-search";

// 借出单 (DOMAIN §2, issue 5 item 1): the borrower asks for records, the manager decides
// (approvals.service), the archive room lends and takes back (loans.service).
export type Person = Actor & { id: string; roles: readonly Role[] };

const joinNos = (nos: string[]) => [...new Set(nos)].sort().join("、");

/** Which of the records another loan holds (reserved by an approval, or out of the room). */
export async function holdersOf(tx: Db | Tx, recordIds: string[], exceptRequestId?: string) {
  if (recordIds.length === 0) return [];
  return tx.borrowItem.findMany({
    where: { holdKey: { in: recordIds }, ...(exceptRequestId ? { requestId: { not: exceptRequestId } } : {}) },
    select: { recordId: true, record: { select: { archiveNo: true } }, request: { select: { id: true, requestNo: true } } },
    orderBy: { record: { archiveNo: "asc" } },
  });
}

/** BORROW_RECORD_HELD naming the records and the slips holding them, or nothing when none is held. */
export async function assertNotHeld(tx: Db | Tx, recordIds: string[], exceptRequestId?: string, field?: string) {
  const held = await holdersOf(tx, recordIds, exceptRequestId);
  if (held.length) {
    const params = { archiveNo: joinNos(held.map((h) => h.record.archiveNo)), requestNo: joinNos(held.map((h) => h.request.requestNo)) };
    throw new DomainError("BORROW_RECORD_HELD", params, { field });
  }
}

/**
 * Moves a loan with a conditional update on the status it was read in: of two simultaneous moves
 * exactly one wins, the other gets the machine's BORROW_WRONG_STATUS. Audited, before → after.
 */
export async function moveLoan(
  tx: Tx,
  actor: Actor,
  loan: { id: string; requestNo: string; status: BorrowStatus; needsSecondApproval: boolean },
  action: BorrowAction,
  data: Omit<Prisma.BorrowRequestUncheckedUpdateManyInput, "status"> = {},
  auditExtra: Record<string, string | number | null> = {},
): Promise<BorrowStatus> {
  const to = transition(loan, action);
  const { count } = await tx.borrowRequest.updateMany({ where: { id: loan.id, status: loan.status }, data: { ...data, status: to } });
  if (count !== 1) throw new DomainError("BORROW_WRONG_STATUS", { requestNo: loan.requestNo, status: loan.status, action });
  await writeAudit(tx, actor, {
    action: `borrow.${action}`,
    entity: "BorrowRequest",
    entityId: loan.id,
    before: { requestNo: loan.requestNo, status: loan.status },
    after: { requestNo: loan.requestNo, status: to, ...auditExtra },
  });
  return to;
}

/** The refusal of a due day checkDueOn did not accept; `field` names the form's date input it concerns. */
export function dueOnRefusal(check: Exclude<DueCheck, { ok: true }>, field?: string): DomainError {
  const params: Record<string, string | number> = check.code === "BORROW_DUE_IN_PAST" ? {} : { latest: check.latest, maxDays: check.maxDays };
  return new DomainError(check.code, params, { field });
}

/** The records a request names, resolved from picked ids and typed 档号, as this person may see them. */
async function resolveRecords(tx: Tx, roles: readonly Role[], recordIds: string[], archiveNos: string[]) {
  const visible = visibleRecordsWhere(roles);
  const select = { id: true, archiveNo: true, title: true, status: true, confidentiality: true } as const;
  const byId = recordIds.length ? await tx.archiveRecord.findMany({ where: { AND: [visible, { id: { in: recordIds } }] }, select }) : [];
  if (byId.length !== new Set(recordIds).size) throw new DomainError("NOT_FOUND");
  const byNo = archiveNos.length ? await tx.archiveRecord.findMany({ where: { AND: [visible, { archiveNo: { in: archiveNos } }] }, select }) : [];
  const found = new Set(byNo.map((r) => r.archiveNo));
  const missing = archiveNos.filter((no) => !found.has(no));
  // A 机密 record reads as "no such 档号" to someone who may not see it (archive.policy).
  if (missing.length) throw new DomainError("BORROW_RECORD_NOT_FOUND", { archiveNo: joinNos(missing) });
  const all = new Map([...byId, ...byNo].map((r) => [r.id, r]));
  return [...all.values()].sort((a, b) => a.archiveNo.localeCompare(b.archiveNo));
}

export async function createBorrowRequest(db: Db, actor: Person, raw: TCreateBorrowRequest, now = new Date()) {
  const input = ZCreateBorrowRequest.parse(raw);
  return inTransaction(db, async (tx) => {
    const settings = await dueDayRules(tx);
    const due = checkDueOn(input.dueOn, now, settings);
    if (!due.ok) throw dueOnRefusal(due, "dueOn");
    const settled = settleDueOn(input.dueOn, settings);
    const records = await resolveRecords(tx, actor.roles, input.recordIds, input.archiveNos.map((n) => n.trim()));
    // Refusals of the chosen records are shown under the form's list of them (recordIds).
    await assertNotHeld(tx, records.map((r) => r.id), undefined, "recordIds");
    const away = records.filter((r) => r.status !== "in_store");
    if (away.length) throw new DomainError("BORROW_RECORD_UNAVAILABLE", { archiveNo: joinNos(away.map((r) => r.archiveNo)) }, { field: "recordIds" });

    const needsSecondApproval = records.some((r) => r.confidentiality === "secret");
    const requestNo = await nextDocumentNo(tx, "JY", Number(shanghaiDay(now).slice(0, 4)));
    const created = await tx.borrowRequest.create({
      data: {
        requestNo,
        requesterId: actor.id,
        borrowType: input.borrowType,
        purpose: input.purpose,
        searchText: slipSearchText({ requestNo, purpose: input.purpose, requester: actor.name, files: records }),
        dueOn: dateOfDay(settled.dueOn),
        dueMovedFrom: settled.movedFrom ? dateOfDay(settled.movedFrom) : null,
        needsSecondApproval,
        items: { create: records.map((r) => ({ recordId: r.id })) },
      },
      select: { id: true, requestNo: true, status: true, needsSecondApproval: true },
    });
    const archiveNos = records.map((r) => r.archiveNo);
    await writeAudit(tx, actor, {
      action: "borrow.create",
      entity: "BorrowRequest",
      entityId: created.id,
      after: { requestNo, status: created.status, borrowType: input.borrowType, purpose: input.purpose, dueOn: input.dueOn, needsSecondApproval, archiveNos },
    });
    await notify(tx, {
      userIds: await activeUserIdsWithRoles(tx, LOAN_APPROVERS, actor.id),
      kind: "borrowRequested",
      params: { requestNo, requester: actor.name, count: records.length },
      link: `/borrowing/approvals?q=${encodeURIComponent(requestNo)}`,
      dedupeKey: `borrowRequested:${created.id}`,
    });
    return { ...created, archiveNos, dueOn: input.dueOn };
  });
}

/** 撤回: the borrower, before the records are lent; an approved slip lets go of its records. */
export async function withdrawBorrowRequest(db: Db, actor: Person, requestId: string) {
  return inTransaction(db, async (tx) => {
    const loan = await tx.borrowRequest.findUnique({ where: { id: requestId }, select: { id: true, requestNo: true, status: true, needsSecondApproval: true, requesterId: true, approvedById: true } });
    if (!loan) throw new DomainError("NOT_FOUND");
    assertBorrower(actor.id, loan.requesterId);
    const to = await moveLoan(tx, actor, loan, "withdraw", { withdrawnAt: new Date() });
    const released = await tx.borrowItem.updateMany({ where: { requestId: loan.id, holdKey: { not: null } }, data: { holdKey: null } });
    // An approver who already said yes learns the records are free again.
    if (loan.approvedById && loan.status !== "requested") {
      await notify(tx, { userIds: [loan.approvedById], kind: "borrowWithdrawn", params: { requestNo: loan.requestNo, requester: actor.name }, link: `/borrowing/${loan.id}` });
    }
    return { id: loan.id, requestNo: loan.requestNo, status: to, releasedHolds: released.count };
  });
}

/** 借阅申请 picker: the archive search (same visibility), each row saying whether it can be borrowed now. */
export async function pickRecords(db: Db, roles: readonly Role[], raw: TPickRecords) {
  const input = ZPickRecords.parse(raw);
  if (!input.q) return { rows: [], total: 0, page: input.page, pageSize: 20, totalCapped: false };
  const found = await searchRecords(db, roles, { q: input.q, page: input.page, pageSize: 20 });
  const held = new Map((await holdersOf(db, found.rows.map((r) => r.id))).map((h) => [h.recordId, h.request.requestNo]));
  return {
    ...found,
    rows: found.rows.map((r) => ({
      id: r.id,
      archiveNo: r.archiveNo,
      title: r.title,
      className: r.className,
      confidentiality: r.confidentiality,
      status: r.status,
      location: r.location,
      heldBy: held.get(r.id) ?? null,
      available: r.status === "in_store" && !held.has(r.id),
    })),
  };
}

const myRowSelect = {
  ...slipRowSelect,
  renewalCount: true,
  items: { select: { record: { select: { id: true, archiveNo: true, title: true } } }, orderBy: { record: { archiveNo: "asc" } } },
  renewals: { where: { status: "pending" }, select: { id: true, newDueOn: true } },
} satisfies Prisma.BorrowRequestSelect;

export function overdueWhere(now: Date): Prisma.BorrowRequestWhereInput {
  return { status: { in: [...ON_LOAN_STATUSES] }, dueOn: { lt: dateOfDay(shanghaiDay(now)) } };
}

/** 我的借阅: my slips with status, due day and overdue flag; filters, sorting and paging. */
export async function listMyRequests(db: Db, userId: string, raw: TListMyRequests, now = new Date()) {
  const input = ZListMyRequests.parse(raw);
  const mine: Prisma.BorrowRequestWhereInput = { requesterId: userId };
  const where: Prisma.BorrowRequestWhereInput = {
    AND: [mine, slipTextWhere(input.q), input.status ? { status: input.status } : {}, input.overdue ? overdueWhere(now) : {}],
  };
  const [rows, total, waiting, onLoan, overdue] = await Promise.all([
    db.borrowRequest.findMany({
      where,
      orderBy: [{ [input.sort]: input.dir }, { requestNo: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: myRowSelect,
    }),
    db.borrowRequest.count({ where, take: countLimit(input.page, input.pageSize) }),
    db.borrowRequest.count({ where: { ...mine, status: { in: [...AWAITING_DECISION] } } }),
    db.borrowRequest.count({ where: { ...mine, status: { in: [...ON_LOAN_STATUSES] } } }),
    db.borrowRequest.count({ where: { AND: [mine, overdueWhere(now)] } }),
  ]);
  return {
    rows: rows.map((r) => {
      const dueOn = dayOf(r.dueOn);
      const onLoanNow = ON_LOAN_STATUSES.includes(r.status);
      return {
        id: r.id,
        requestNo: r.requestNo,
        borrowType: r.borrowType,
        purpose: r.purpose,
        status: r.status,
        dueOn,
        overdueDays: onLoanNow ? daysOverdue(dueOn, now) : 0,
        needsSecondApproval: r.needsSecondApproval,
        createdAt: r.createdAt,
        approvedBy: [r.approvedBy?.displayName, r.secondApprovedBy?.displayName].filter(Boolean).join("、") || null,
        rejectedBy: r.rejectedBy?.displayName ?? null,
        comment: r.status === "rejected" ? r.rejectComment : r.approvalComment,
        renewalCount: r.renewalCount,
        pendingRenewalDueOn: r.renewals[0] ? dayOf(r.renewals[0].newDueOn) : null,
        records: r.items.map((i) => i.record),
        canWithdraw: availableActions(r).includes("withdraw"),
      };
    }),
    ...cappedTotal(total, input.page, input.pageSize),
    summary: { waiting, onLoan, overdue },
    page: input.page,
    pageSize: input.pageSize,
  };
}
