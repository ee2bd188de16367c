import type { Db } from "../../db/client";
import type { BorrowStatus, Prisma } from "../../db/generated/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { dateOfDay, dayOf } from "../archive/retention";
import { ON_LOAN_STATUSES, availableActions, fromStatusesOf, transition, type BorrowAction } from "./borrow.machine";
import { assertBorrower, assertNotOwnLoan, LOAN_APPROVERS } from "./borrow.policy";
import { latestDueOn, type LoanRules } from "./loan-period";
import { dueDayRules } from "./settings.service";
import type { TClearRecordFlag, TRequestRenewal, TReturnLoan } from "./loan.schema";

// The loan at the archive desk (issue 5 item 3–5): the archivist lends an approved slip, the
// borrower confirms receipt, the archivist takes it back checking every record (an incomplete
// one is flagged), the slip is voided (作废) — never deleted — and the records' holds released.
// Every move is a conditional update on the status read, so two desks never both lend or return.

type Person = Actor & { id: string };

/** The admin's loan rules (BorrowSettings id 1, defaults while nobody saved any). */
export async function loanRules(db: Db | Tx): Promise<LoanRules> {
  return dueDayRules(db);
}

const loanForMove = {
  id: true,
  requestNo: true,
  status: true,
  needsSecondApproval: true,
  requesterId: true,
  dueOn: true,
  receivedAt: true,
  items: { select: { id: true, recordId: true, holdKey: true, record: { select: { id: true, archiveNo: true, status: true, flagNote: true } } } },
} satisfies Prisma.BorrowRequestSelect;

async function readLoan(tx: Tx, requestId: string) {
  const loan = await tx.borrowRequest.findUnique({ where: { id: requestId }, select: loanForMove });
  if (!loan) throw new DomainError("NOT_FOUND");
  loan.items.sort((a, b) => a.record.archiveNo.localeCompare(b.record.archiveNo));
  return loan;
}

/** Moves the slip from a status the action allows; a slip moved meanwhile → the machine's refusal. */
async function moveLoan(tx: Tx, loan: { id: string; requestNo: string; status: BorrowStatus; needsSecondApproval: boolean }, action: BorrowAction, data: Prisma.BorrowRequestUncheckedUpdateManyInput) {
  const to = transition(loan, action);
  const { count } = await tx.borrowRequest.updateMany({ where: { id: loan.id, status: { in: [...fromStatusesOf(action)] } }, data: { ...data, status: to } });
  if (count !== 1) {
    const now = await tx.borrowRequest.findUnique({ where: { id: loan.id }, select: { status: true } });
    throw new DomainError("BORROW_WRONG_STATUS", { requestNo: loan.requestNo, status: now?.status ?? loan.status, action });
  }
  return to;
}

/** The slip that holds one of these records now (for the refusal's message). */
async function holderOf(db: Db | Tx, recordIds: string[], exceptRequestId: string) {
  const held = await db.borrowItem.findFirst({
    where: { holdKey: { in: recordIds }, requestId: { not: exceptRequestId } },
    select: { record: { select: { archiveNo: true } }, request: { select: { requestNo: true } } },
  });
  return held ? { archiveNo: held.record.archiveNo, requestNo: held.request.requestNo } : null;
}

/**
 * 借出: approved → lent, every record in_store → lent (one conditional update; a record weeded
 * or lent meanwhile makes the count short and nothing changes). The records stay held by this
 * slip (holdKey, unique): an item the approval did not reserve is reserved here, and a second
 * holder is refused by the database.
 */
export async function lendLoan(db: Db, actor: Person, requestId: string) {
  try {
    return await inTransaction(db, async (tx) => {
      const loan = await readLoan(tx, requestId);
      transition(loan, "lend");
      assertNotOwnLoan(actor.id, loan.requesterId);
      const now = new Date();
      const unreserved = loan.items.filter((i) => i.holdKey !== i.recordId);
      if (unreserved.length) {
        const other = await holderOf(tx, unreserved.map((i) => i.recordId), loan.id);
        if (other) throw new DomainError("BORROW_RECORD_HELD", other);
        for (const i of unreserved) await tx.borrowItem.update({ where: { id: i.id }, data: { holdKey: i.recordId } });
      }
      const to = await moveLoan(tx, loan, "lend", { lentById: actor.id, lentAt: now });
      const recordIds = loan.items.map((i) => i.recordId);
      const { count } = await tx.archiveRecord.updateMany({ where: { id: { in: recordIds }, status: "in_store" }, data: { status: "lent" } });
      if (count !== recordIds.length) {
        const away = await tx.archiveRecord.findMany({ where: { id: { in: recordIds }, status: { not: "in_store" } }, select: { archiveNo: true }, orderBy: { archiveNo: "asc" } });
        throw new DomainError("BORROW_RECORD_UNAVAILABLE", { archiveNo: away.map((r) => r.archiveNo).join("、") });
      }
      const archiveNos = loan.items.map((i) => i.record.archiveNo);
      await writeAudit(tx, actor, {
        action: "borrow.lend",
        entity: "BorrowRequest",
        entityId: loan.id,
        before: { requestNo: loan.requestNo, status: loan.status },
        after: { requestNo: loan.requestNo, status: to, archiveNos },
      });
      for (const i of loan.items) {
        await writeAudit(tx, actor, {
          action: "archive.lend",
          entity: "ArchiveRecord",
          entityId: i.recordId,
          before: { archiveNo: i.record.archiveNo, status: "in_store" },
          after: { archiveNo: i.record.archiveNo, status: "lent", requestNo: loan.requestNo },
        });
      }
      await notify(tx, { userIds: [loan.requesterId], kind: "borrowLent", params: { requestNo: loan.requestNo, count: archiveNos.length }, link: `/borrowing/${loan.id}`, dedupeKey: `borrow:lent:${loan.id}` });
      return { id: loan.id, requestNo: loan.requestNo, status: to, lentAt: now };
    });
  } catch (e) {
    // The approval of another slip took one of the records between our read and our write.
    if (isUniqueViolation(e)) {
      const loan = await db.borrowRequest.findUnique({ where: { id: requestId }, select: { items: { select: { recordId: true } } } });
      const other = loan ? await holderOf(db, loan.items.map((i) => i.recordId), requestId) : null;
      throw new DomainError("BORROW_RECORD_HELD", other ?? { archiveNo: "", requestNo: "" });
    }
    throw e;
  }
}

/** The borrower's own confirmation that the records reached them (their signature on the slip). */
export async function confirmReceipt(db: Db, actor: Person, requestId: string) {
  return inTransaction(db, async (tx) => {
    const loan = await readLoan(tx, requestId);
    assertBorrower(actor.id, loan.requesterId);
    if (loan.receivedAt) throw new DomainError("BORROW_ALREADY_RECEIVED");
    if (!ON_LOAN_STATUSES.includes(loan.status)) throw new DomainError("BORROW_WRONG_STATUS", { requestNo: loan.requestNo, status: loan.status, action: "receive" });
    const now = new Date();
    const { count } = await tx.borrowRequest.updateMany({ where: { id: loan.id, receivedAt: null, status: { in: [...ON_LOAN_STATUSES] } }, data: { receivedAt: now } });
    if (count !== 1) throw new DomainError("BORROW_ALREADY_RECEIVED");
    await writeAudit(tx, actor, {
      action: "borrow.confirmReceipt",
      entity: "BorrowRequest",
      entityId: loan.id,
      // The entry's own time is the moment of the signature.
      before: { requestNo: loan.requestNo, received: false },
      after: { requestNo: loan.requestNo, received: true },
    });
    return { id: loan.id, requestNo: loan.requestNo, receivedAt: now };
  });
}

/**
 * 归还: the archivist checks every record of the slip (complete, or incomplete with what is
 * missing). The slip becomes returned and voided, the records go back in_store, their holds are
 * released, and an incomplete record is flagged (flagNote/flaggedAt) until the archivist clears it.
 */
export async function returnLoan(db: Db, actor: Person, input: TReturnLoan) {
  return inTransaction(db, async (tx) => {
    const loan = await readLoan(tx, input.requestId);
    transition(loan, "return");
    const checks = new Map(input.items.map((i) => [i.itemId, i]));
    if (checks.size !== input.items.length || checks.size !== loan.items.length || loan.items.some((i) => !checks.has(i.id))) {
      throw new DomainError("BORROW_RETURN_ITEMS_MISMATCH");
    }
    const now = new Date();
    const to = await moveLoan(tx, loan, "return", { returnedToId: actor.id, returnedAt: now, voidedAt: now });
    const recordIds = loan.items.map((i) => i.recordId);
    const { count } = await tx.archiveRecord.updateMany({ where: { id: { in: recordIds }, status: "lent" }, data: { status: "in_store" } });
    if (count !== recordIds.length) {
      const odd = loan.items.filter((i) => i.record.status !== "lent").map((i) => i.record.archiveNo);
      throw new DomainError("BORROW_RECORD_UNAVAILABLE", { archiveNo: odd.join("、") });
    }
    const incomplete: string[] = [];
    for (const item of loan.items) {
      const check = checks.get(item.id)!;
      const note = check.check === "incomplete" ? (check.note ?? "") : null;
      await tx.borrowItem.update({ where: { id: item.id }, data: { returnCheck: check.check, returnNote: note, holdKey: null } });
      await writeAudit(tx, actor, {
        action: "archive.return",
        entity: "ArchiveRecord",
        entityId: item.recordId,
        before: { archiveNo: item.record.archiveNo, status: "lent" },
        after: { archiveNo: item.record.archiveNo, status: "in_store", requestNo: loan.requestNo, returnCheck: check.check, ...(note ? { returnNote: note } : {}) },
      });
      if (note) {
        incomplete.push(item.record.archiveNo);
        // A flag already standing keeps its earlier finding; the new one is added after it.
        const flagNote = [item.record.flagNote, `${loan.requestNo}：${note}`].filter(Boolean).join("；").slice(0, 1000);
        await tx.archiveRecord.update({ where: { id: item.recordId }, data: { flagNote, flaggedAt: now } });
        await writeAudit(tx, actor, {
          action: "archive.flag",
          entity: "ArchiveRecord",
          entityId: item.recordId,
          before: { archiveNo: item.record.archiveNo, flagNote: item.record.flagNote },
          after: { archiveNo: item.record.archiveNo, flagNote, requestNo: loan.requestNo },
        });
      }
    }
    // A renewal still waiting has nothing left to decide once the records are back.
    const pending = await tx.borrowRenewal.findMany({ where: { requestId: loan.id, status: "pending" }, select: { id: true } });
    for (const r of pending) {
      await tx.borrowRenewal.update({ where: { id: r.id }, data: { status: "rejected", pendingKey: null, decidedById: actor.id, decidedAt: now, comment: "借阅已归还，续借申请关闭" } });
      await writeAudit(tx, actor, { action: "borrow.closeRenewal", entity: "BorrowRenewal", entityId: r.id, before: { requestNo: loan.requestNo, status: "pending" }, after: { requestNo: loan.requestNo, status: "rejected" } });
    }
    await writeAudit(tx, actor, {
      action: "borrow.return",
      entity: "BorrowRequest",
      entityId: loan.id,
      before: { requestNo: loan.requestNo, status: loan.status },
      after: {
        requestNo: loan.requestNo,
        status: to,
        voided: true,
        checks: loan.items.map((i) => ({ archiveNo: i.record.archiveNo, check: checks.get(i.id)!.check, ...(checks.get(i.id)!.note ? { note: checks.get(i.id)!.note } : {}) })),
      },
    });
    await notify(tx, {
      userIds: [loan.requesterId],
      kind: incomplete.length ? "borrowReturnedIncomplete" : "borrowReturned",
      params: { requestNo: loan.requestNo, archiveNos: incomplete.join("、") },
      link: `/borrowing/${loan.id}`,
      dedupeKey: `borrow:returned:${loan.id}`,
    });
    return { id: loan.id, requestNo: loan.requestNo, status: to, voidedAt: now, incomplete };
  });
}

/** The archivist has dealt with an incomplete record (pages found, repaired …): the flag goes, the history keeps it. */
export async function clearRecordFlag(db: Db, actor: Person, input: TClearRecordFlag) {
  return inTransaction(db, async (tx) => {
    const rec = await tx.archiveRecord.findUnique({ where: { id: input.recordId }, select: { id: true, archiveNo: true, flagNote: true, flaggedAt: true } });
    if (!rec) throw new DomainError("NOT_FOUND");
    if (!rec.flaggedAt) throw new DomainError("BORROW_FLAG_NOT_SET", { archiveNo: rec.archiveNo });
    const { count } = await tx.archiveRecord.updateMany({ where: { id: rec.id, flaggedAt: rec.flaggedAt }, data: { flagNote: null, flaggedAt: null } });
    if (count !== 1) throw new DomainError("BORROW_FLAG_NOT_SET", { archiveNo: rec.archiveNo });
    await writeAudit(tx, actor, {
      action: "archive.clearFlag",
      entity: "ArchiveRecord",
      entityId: rec.id,
      before: { archiveNo: rec.archiveNo, flagNote: rec.flagNote },
      after: { archiveNo: rec.archiveNo, flagNote: null, comment: input.comment },
    });
    return { id: rec.id, archiveNo: rec.archiveNo };
  });
}

/**
 * 续借 asked by the borrower: a later due day, within the maximum period from today, decided by
 * the approvers like the loan itself. One pending renewal per loan (pendingKey, unique).
 */
export async function requestRenewal(db: Db, actor: Person, input: TRequestRenewal) {
  try {
    return await inTransaction(db, async (tx) => {
      const loan = await readLoan(tx, input.requestId);
      assertBorrower(actor.id, loan.requesterId);
      if (!availableActions(loan).includes("renew")) throw new DomainError("BORROW_WRONG_STATUS", { requestNo: loan.requestNo, status: loan.status, action: "renew" });
      const dueOn = dayOf(loan.dueOn);
      if (input.newDueOn <= dueOn) throw new DomainError("BORROW_RENEWAL_NOT_LATER", { dueOn }, { field: "newDueOn" });
      const rules = await loanRules(tx);
      const latest = latestDueOn(new Date(), rules);
      if (input.newDueOn > latest) throw new DomainError("BORROW_DUE_TOO_LATE", { latest, maxDays: rules.maxLoanDays }, { field: "newDueOn" });
      const waiting = await tx.borrowRenewal.findFirst({ where: { pendingKey: loan.id }, select: { id: true } });
      if (waiting) throw new DomainError("BORROW_RENEWAL_PENDING", { requestNo: loan.requestNo });
      const renewal = await tx.borrowRenewal.create({
        data: { requestId: loan.id, pendingKey: loan.id, previousDueOn: loan.dueOn, newDueOn: dateOfDay(input.newDueOn), reason: input.reason, requestedById: actor.id },
        select: { id: true, status: true },
      });
      await writeAudit(tx, actor, {
        action: "borrow.requestRenewal",
        entity: "BorrowRenewal",
        entityId: renewal.id,
        after: { requestNo: loan.requestNo, previousDueOn: dueOn, newDueOn: input.newDueOn, reason: input.reason, status: "pending" },
      });
      await notify(tx, {
        userIds: await activeUserIdsWithRoles(tx, LOAN_APPROVERS, actor.id),
        kind: "borrowRenewalRequested",
        params: { requestNo: loan.requestNo, borrower: actor.name, newDueOn: input.newDueOn },
        link: "/borrowing/approvals",
        dedupeKey: `borrow:renewal:${renewal.id}`,
      });
      return { id: renewal.id, requestNo: loan.requestNo, newDueOn: input.newDueOn, status: renewal.status };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const loan = await db.borrowRequest.findUnique({ where: { id: input.requestId }, select: { requestNo: true } });
      throw new DomainError("BORROW_RENEWAL_PENDING", { requestNo: loan?.requestNo ?? "" });
    }
    throw e;
  }
}
