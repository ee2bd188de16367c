import type { Db } from "../../db/client";
import type { Prisma, WeedingKind } from "../../db/generated/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { activeUserIdsWithRoles, notify } from "../notifications/notify";
import { WEEDING_APPROVERS } from "./archive.policy";
import { shanghaiDay } from "../time";
import { dateOfDay, dayOf } from "./retention";
import { purgeAttachments, removeUnreferencedFiles } from "./attachments.service";
import { OPEN_STATUSES, availableActions, fromStatusOf, transition, type WeedingAction } from "./weeding.machine";
import { ZListWeedingLists, ZWeedingProposals, type TApproveWeedingList, type TCreateWeedingList, type TListWeedingLists, type TRejectWeedingList, type TWeedingProposals } from "./weeding.schema";
import { cappedTotal, countLimit } from "../capped-count";

// 剔除/销毁 (002 §2): past-retention files go on a list the manager approves; the list, its
// decision and the records' rows stay forever. 移出: the same list, carried out without approval.

const PREFIX: Record<WeedingKind, string> = { destroy: "XH", transfer: "YC" };

/** Records that may go on a new list: in store and not on a list still open. */
function notOnOpenList(): Prisma.ArchiveRecordWhereInput {
  return { status: "in_store", weedingItems: { none: { list: { status: { in: [...OPEN_STATUSES] } } } } };
}

function pastRetention(today: string): Prisma.ArchiveRecordWhereInput {
  return { expiresOn: { lte: dateOfDay(today) } };
}

/** 待剔除建议: past retention on today's Shanghai date, in store, not already on an open list. */
export async function listProposals(db: Db, raw: TWeedingProposals) {
  const input = ZWeedingProposals.parse(raw);
  const where: Prisma.ArchiveRecordWhereInput = { AND: [notOnOpenList(), pastRetention(shanghaiDay(new Date())), input.classId ? { classId: input.classId } : {}] };
  const [rows, total] = await Promise.all([
    db.archiveRecord.findMany({
      where,
      orderBy: [{ expiresOn: "asc" }, { archiveNo: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, archiveNo: true, title: true, formedOn: true, retentionYears: true, expiresOn: true, confidentiality: true, archiveClass: { select: { code: true, name: true } } },
    }),
    db.archiveRecord.count({ where, take: countLimit(input.page, input.pageSize) }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, formedOn: dayOf(r.formedOn), expiresOn: r.expiresOn ? dayOf(r.expiresOn) : null })),
    ...cappedTotal(total, input.page, input.pageSize),
    page: input.page,
    pageSize: input.pageSize,
  };
}

const listSelect = {
  id: true,
  listNo: true,
  kind: true,
  reason: true,
  status: true,
  createdById: true,
  createdAt: true,
  submittedAt: true,
  decidedById: true,
  decidedAt: true,
  decisionComment: true,
  _count: { select: { items: true } },
} satisfies Prisma.WeedingListSelect;

async function namesOf(db: Db | Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }) : [];
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** The lists, newest first, and how many wait for the manager's decision. */
export async function listWeedingLists(db: Db, raw: TListWeedingLists) {
  const input = ZListWeedingLists.parse(raw);
  const where: Prisma.WeedingListWhereInput = { status: input.status, kind: input.kind };
  const [rows, total, awaitingApproval] = await Promise.all([
    db.weedingList.findMany({ where, orderBy: { createdAt: "desc" }, skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: listSelect }),
    db.weedingList.count({ where }),
    db.weedingList.count({ where: { status: "submitted" } }),
  ]);
  const names = await namesOf(db, rows.flatMap((r) => [r.createdById, r.decidedById]));
  return {
    rows: rows.map(({ _count, ...r }) => ({ ...r, itemCount: _count.items, createdBy: names.get(r.createdById ?? "") ?? null, decidedBy: names.get(r.decidedById ?? "") ?? null })),
    total,
    awaitingApproval,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** One list with its records (shown whatever their 密级: the list is the keepers' own document). */
export async function getWeedingList(db: Db, listId: string) {
  const list = await db.weedingList.findUnique({
    where: { id: listId },
    select: {
      ...listSelect,
      items: {
        orderBy: { record: { archiveNo: "asc" } },
        select: {
          record: {
            select: { id: true, archiveNo: true, title: true, formedOn: true, retentionYears: true, expiresOn: true, status: true, confidentiality: true, archiveClass: { select: { code: true, name: true } } },
          },
        },
      },
    },
  });
  if (!list) throw new DomainError("NOT_FOUND");
  const names = await namesOf(db, [list.createdById, list.decidedById]);
  const { _count, items, ...rest } = list;
  return {
    ...rest,
    itemCount: _count.items,
    createdBy: names.get(list.createdById ?? "") ?? null,
    decidedBy: names.get(list.decidedById ?? "") ?? null,
    actions: availableActions(list),
    items: items.map(({ record: r }) => ({ ...r, formedOn: dayOf(r.formedOn), expiresOn: r.expiresOn ? dayOf(r.expiresOn) : null })),
  };
}

/**
 * The next list number of the kind and year, e.g. XH-2026-001, gap-free: it is derived from the
 * committed lists inside the SERIALIZABLE transaction that inserts the new one, so a rolled-back
 * creation leaves no hole (a sequence would); two creators reading the same maximum collide on
 * the unique listNo or on serialization, and the loser retries with the next number.
 */
async function nextListNo(tx: Tx, kind: WeedingKind, year: string): Promise<string> {
  const prefix = `${PREFIX[kind]}-${year}-`;
  const last = await tx.weedingList.findFirst({ where: { listNo: { startsWith: prefix } }, orderBy: { listNo: "desc" }, select: { listNo: true } });
  const seq = last ? Number(last.listNo.slice(prefix.length)) + 1 : 1;
  return prefix + String(seq).padStart(3, "0");
}

export async function createWeedingList(db: Db, actor: Actor & { id: string }, input: TCreateWeedingList) {
  const recordIds = [...new Set(input.recordIds)];
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, async (tx) => {
        const today = shanghaiDay(new Date());
        const eligible = await tx.archiveRecord.findMany({
          where: { AND: [{ id: { in: recordIds } }, notOnOpenList(), input.kind === "destroy" ? pastRetention(today) : {}] },
          select: { id: true, archiveNo: true },
        });
        if (eligible.length !== recordIds.length) {
          const ok = new Set(eligible.map((r) => r.id));
          const refused = await tx.archiveRecord.findMany({ where: { id: { in: recordIds.filter((id) => !ok.has(id)) } }, select: { archiveNo: true }, orderBy: { archiveNo: "asc" } });
          if (refused.length === 0) throw new DomainError("NOT_FOUND");
          throw new DomainError("WEEDING_RECORD_NOT_ELIGIBLE", { archiveNos: refused.map((r) => r.archiveNo).join("、") });
        }
        const listNo = await nextListNo(tx, input.kind, today.slice(0, 4));
        const list = await tx.weedingList.create({
          data: { listNo, kind: input.kind, reason: input.reason, createdById: actor.id, items: { create: recordIds.map((recordId) => ({ recordId })) } },
          select: { id: true, listNo: true, kind: true, status: true },
        });
        await writeAudit(tx, actor, {
          action: "weeding.create",
          entity: "WeedingList",
          entityId: list.id,
          after: { listNo, kind: input.kind, reason: input.reason, status: list.status, archiveNos: eligible.map((r) => r.archiveNo).sort() },
        });
        return list;
      });
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 10) continue;
      throw e;
    }
  }
}

type Decision = { comment?: string | null; decider?: boolean };

/**
 * Moves the list with a conditional update (status must still be what it was read as), so of
 * two simultaneous decisions exactly one wins and the other gets WEEDING_WRONG_STATUS.
 */
async function moveList(tx: Tx, actor: Actor & { id: string }, listId: string, action: WeedingAction, decision: Decision = {}) {
  const list = await tx.weedingList.findUnique({ where: { id: listId }, select: { id: true, listNo: true, kind: true, status: true, createdById: true, reason: true } });
  if (!list) throw new DomainError("NOT_FOUND");
  const to = transition(list, action);
  // 002 §2 separation of duties: whoever drew up a list does not decide on it.
  if ((action === "approve" || action === "reject") && list.createdById === actor.id) throw new DomainError("WEEDING_SELF_APPROVAL");
  const now = new Date();
  const data: Prisma.WeedingListUpdateManyMutationInput = { status: to };
  if (action === "submit") data.submittedAt = now;
  if (decision.decider) Object.assign(data, { decidedById: actor.id, decidedAt: now, decisionComment: decision.comment || null });
  const { count } = await tx.weedingList.updateMany({ where: { id: list.id, status: fromStatusOf(action) }, data });
  if (count !== 1) throw new DomainError("WEEDING_WRONG_STATUS", { listNo: list.listNo });
  await writeAudit(tx, actor, {
    action: `weeding.${action}`,
    entity: "WeedingList",
    entityId: list.id,
    before: { listNo: list.listNo, status: list.status },
    after: { listNo: list.listNo, status: to, ...(decision.comment ? { comment: decision.comment } : {}) },
  });
  await notifyWeedingMove(tx, actor, list, action, decision.comment ?? null);
  return { ...list, status: to };
}

/** A destruction list submitted waits in the managers' inbox; their decision goes back to whoever drew it up. */
async function notifyWeedingMove(tx: Tx, actor: Actor & { id: string }, list: { id: string; listNo: string; createdById: string | null }, action: WeedingAction, comment: string | null) {
  const link = `/archive/weeding/${list.id}`;
  if (action === "submit") {
    const approvers = await activeUserIdsWithRoles(tx, WEEDING_APPROVERS, actor.id);
    await notify(tx, { userIds: approvers, kind: "weedingSubmitted", params: { listNo: list.listNo, by: actor.name }, link, dedupeKey: `weeding-submitted:${list.id}` });
  } else if ((action === "approve" || action === "reject") && list.createdById) {
    await notify(tx, { userIds: [list.createdById], kind: action === "approve" ? "weedingApproved" : "weedingRejected", params: { listNo: list.listNo, by: actor.name, comment: comment ?? "" }, link, dedupeKey: `weeding-${action}:${list.id}` });
  }
}

/**
 * Every record on the list goes in_store → `to` with one conditional update; if any record is
 * no longer in store (lent meanwhile) the whole decision is refused, naming the files.
 */
async function moveRecords(tx: Tx, actor: Actor, list: { id: string; listNo: string }, to: "destroyed" | "transferred") {
  const items = await tx.weedingItem.findMany({ where: { listId: list.id }, select: { record: { select: { id: true, archiveNo: true, status: true } } } });
  const records = items.map((i) => i.record).sort((a, b) => a.archiveNo.localeCompare(b.archiveNo));
  const away = records.filter((r) => r.status !== "in_store");
  if (away.length) throw new DomainError("WEEDING_RECORDS_NOT_IN_STORE", { archiveNos: away.map((r) => r.archiveNo).join("、") });
  // Guarded again in the write itself: a lend committed after the read above makes the count short.
  const { count } = await tx.archiveRecord.updateMany({ where: { id: { in: records.map((r) => r.id) }, status: "in_store" }, data: { status: to } });
  if (count !== records.length) throw new DomainError("WEEDING_RECORDS_NOT_IN_STORE", { archiveNos: records.map((r) => r.archiveNo).join("、") });
  for (const r of records) {
    await writeAudit(tx, actor, {
      action: to === "destroyed" ? "archive.destroy" : "archive.transfer",
      entity: "ArchiveRecord",
      entityId: r.id,
      before: { archiveNo: r.archiveNo, status: "in_store" },
      after: { archiveNo: r.archiveNo, status: to, listNo: list.listNo },
    });
  }
  return records;
}

export async function submitWeedingList(db: Db, actor: Actor & { id: string }, listId: string) {
  return inTransaction(db, (tx) => moveList(tx, actor, listId, "submit"));
}

/** 作废: a draft is voided with a reason, never deleted. */
export async function voidWeedingList(db: Db, actor: Actor & { id: string }, input: TRejectWeedingList) {
  return inTransaction(db, (tx) => moveList(tx, actor, input.listId, "void", { comment: input.comment, decider: true }));
}

export async function rejectWeedingList(db: Db, actor: Actor & { id: string }, input: TRejectWeedingList) {
  return inTransaction(db, (tx) => moveList(tx, actor, input.listId, "reject", { comment: input.comment, decider: true }));
}

/**
 * The manager's approval: the list, all its records and the purge of their scans change
 * together, or nothing does. Stored files are removed only after the commit (and only where no
 * other record still holds the same content), so a retried or failed approval loses no file.
 */
export async function approveWeedingList(db: Db, actor: Actor & { id: string }, input: TApproveWeedingList) {
  const result = await inTransaction(db, async (tx) => {
    const list = await moveList(tx, actor, input.listId, "approve", { comment: input.comment, decider: true });
    const records = await moveRecords(tx, actor, list, "destroyed");
    const sha256s = new Set<string>();
    let purged = 0;
    for (const r of records) {
      const p = await purgeAttachments(tx, actor, r.id);
      purged += p.count;
      for (const sha of p.sha256s) sha256s.add(sha);
    }
    return { list: { ...list, recordCount: records.length, purgedAttachments: purged }, sha256s: [...sha256s] };
  });
  if (result.sha256s.length) await removeUnreferencedFiles(db, result.sha256s);
  return result.list;
}

/** 移出: carried out by the archivist at once (no approval, DOMAIN §1). */
export async function executeTransferList(db: Db, actor: Actor & { id: string }, listId: string) {
  return inTransaction(db, async (tx) => {
    const list = await moveList(tx, actor, listId, "execute", { decider: true });
    const records = await moveRecords(tx, actor, list, "transferred");
    return { ...list, recordCount: records.length };
  });
}
