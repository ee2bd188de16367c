import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { DomainError } from "../../server/domain/errors";
import { addCalendarDays } from "../../server/domain/borrowing/loan-period";
import { shanghaiDay } from "../../server/domain/time";
import { signedInAs, useTestDatabase, type Caller } from "./helpers";

// No double lend (issue 5 item 4), raced for real: each scenario runs TRIES times, the two calls
// started together (on PostgreSQL they run on separate pooled connections; PGlite serialises
// them, which still exercises the guards in both orders). Every try must end with exactly one
// winner, a clear refusal for the other, and a consistent database.
const TRIES = Number(process.env.BORROW_RACE_TRIES ?? 100);
const t = useTestDatabase();
let borrower: Caller, borrower2: Caller, manager: Caller, manager2: Caller, archivist: Caller, archivist2: Caller;
let archivistId: string;
let classId: string;
let n = 0;

const dueOn = () => addCalendarDays(shanghaiDay(new Date()), 7);

async function records(count: number) {
  return inTransaction(t.db, async (tx) => {
    const out = [];
    for (let i = 0; i < count; i++) {
      out.push(await insertArchiveRecord(tx, { id: archivistId, name: "test" }, { classId, title: `并发借阅档案${++n}`, formedOn: "2024-01-01", retentionYears: 30, confidentiality: "internal" }));
    }
    return out;
  });
}

type Settled = PromiseSettledResult<unknown>;
function split(results: Settled[]) {
  const won = results.filter((r) => r.status === "fulfilled");
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  return { won: won.length, lost: lost.map((l) => l.reason as unknown) };
}
function codeOf(e: unknown): string {
  if (e instanceof TRPCError) return e.cause instanceof DomainError ? e.cause.code : e.code;
  return String(e);
}

beforeAll(async () => {
  borrower = (await signedInAs(t.db, ["staff"])).caller;
  borrower2 = (await signedInAs(t.db, ["staff"])).caller;
  manager = (await signedInAs(t.db, ["manager"])).caller;
  manager2 = (await signedInAs(t.db, ["manager"])).caller;
  const a = await signedInAs(t.db, ["archivist"]);
  archivist = a.caller;
  archivistId = a.user.id;
  archivist2 = (await signedInAs(t.db, ["archivist"])).caller;
  classId = (await t.db.archiveClass.create({ data: { code: "BF", name: "并发测试类", retentionYears: 30 }, select: { id: true } })).id;
});

describe(`races (${TRIES} tries each)`, () => {
  it("two archivists lend the same approved slip at once → exactly one succeeds, the other is refused", { timeout: 600_000 }, async () => {
    const refusals = new Map<string, number>();
    for (let i = 0; i < TRIES; i++) {
      const [r] = await records(1);
      const req = await borrower.borrowing.requests.create({ recordIds: [r!.id], borrowType: "takeaway", purpose: "并发借出测试", dueOn: dueOn() });
      await manager.borrowing.requests.approve({ requestId: req.id });
      const { won, lost } = split(await Promise.allSettled([archivist.borrowing.loans.lend({ requestId: req.id }), archivist2.borrowing.loans.lend({ requestId: req.id })]));
      expect(won, `try ${i}`).toBe(1);
      expect(lost).toHaveLength(1);
      const code = codeOf(lost[0]);
      refusals.set(code, (refusals.get(code) ?? 0) + 1);
      expect(code, `try ${i}`).toBe("BORROW_WRONG_STATUS");
      const slip = await t.db.borrowRequest.findUniqueOrThrow({ where: { id: req.id }, select: { status: true, lentById: true } });
      expect(slip.status).toBe("lent");
      expect((await t.db.archiveRecord.findUniqueOrThrow({ where: { id: r!.id } })).status).toBe("lent");
      expect(await t.db.auditLog.count({ where: { entityId: req.id, action: "borrow.lend" } })).toBe(1);
      expect(await t.db.auditLog.count({ where: { entityId: r!.id, action: "archive.lend" } })).toBe(1);
    }
    console.info(`[race lend×lend] ${TRIES} tries: ${TRIES} single winners; refusals ${JSON.stringify(Object.fromEntries(refusals))}`);
  });

  it("two managers approve two different requests for the same record at once → exactly one holds it", { timeout: 600_000 }, async () => {
    const refusals = new Map<string, number>();
    for (let i = 0; i < TRIES; i++) {
      const [r] = await records(1);
      const a = await borrower.borrowing.requests.create({ recordIds: [r!.id], borrowType: "reading", purpose: "并发审批测试甲", dueOn: dueOn() });
      const b = await borrower2.borrowing.requests.create({ recordIds: [r!.id], borrowType: "reading", purpose: "并发审批测试乙", dueOn: dueOn() });
      const { won, lost } = split(await Promise.allSettled([manager.borrowing.requests.approve({ requestId: a.id }), manager2.borrowing.requests.approve({ requestId: b.id })]));
      expect(won, `try ${i}`).toBe(1);
      expect(lost).toHaveLength(1);
      const code = codeOf(lost[0]);
      refusals.set(code, (refusals.get(code) ?? 0) + 1);
      expect(code, `try ${i}`).toBe("BORROW_RECORD_HELD");
      const holders = await t.db.borrowItem.findMany({ where: { holdKey: r!.id }, select: { requestId: true } });
      expect(holders).toHaveLength(1);
      const statuses = (await t.db.borrowRequest.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, status: true } })).map((s) => s.status).sort();
      expect(statuses).toEqual(["approved", "requested"]);
      // The holder is the approved one; the other could not take the record to the desk.
      const approved = await t.db.borrowRequest.findFirstOrThrow({ where: { id: { in: [a.id, b.id] }, status: "approved" }, select: { id: true } });
      expect(holders[0]!.requestId).toBe(approved.id);
    }
    console.info(`[race approve×approve] ${TRIES} tries: ${TRIES} single holders; refusals ${JSON.stringify(Object.fromEntries(refusals))}`);
  });

  it("lend and withdraw race → one wins and the slip, records and holds agree with it", { timeout: 600_000 }, async () => {
    const outcomes = { lent: 0, withdrawn: 0 };
    for (let i = 0; i < TRIES; i++) {
      const recs = await records(2);
      const req = await borrower.borrowing.requests.create({ recordIds: recs.map((r) => r.id), borrowType: "takeaway", purpose: "并发撤回测试", dueOn: dueOn() });
      await manager.borrowing.requests.approve({ requestId: req.id });
      // Started in alternating order, so each side gets to go first half of the time.
      const calls = [() => archivist.borrowing.loans.lend({ requestId: req.id }), () => borrower.borrowing.requests.withdraw({ requestId: req.id })];
      const { won, lost } = split(await Promise.allSettled((i % 2 ? calls : [...calls].reverse()).map((call) => call())));
      expect(won, `try ${i}`).toBe(1);
      expect(codeOf(lost[0]), `try ${i}`).toBe("BORROW_WRONG_STATUS");
      const slip = await t.db.borrowRequest.findUniqueOrThrow({ where: { id: req.id }, select: { status: true, lentAt: true, withdrawnAt: true } });
      const recStatuses = (await t.db.archiveRecord.findMany({ where: { id: { in: recs.map((r) => r.id) } }, select: { status: true } })).map((r) => r.status);
      const holds = (await t.db.borrowItem.findMany({ where: { requestId: req.id }, select: { holdKey: true, recordId: true } })).map((h) => h.holdKey === h.recordId);
      if (slip.status === "lent") {
        outcomes.lent++;
        expect(slip.withdrawnAt).toBeNull();
        expect(recStatuses).toEqual(["lent", "lent"]);
        expect(holds).toEqual([true, true]);
      } else {
        outcomes.withdrawn++;
        expect(slip.status).toBe("withdrawn");
        expect(slip.lentAt).toBeNull();
        expect(recStatuses).toEqual(["in_store", "in_store"]);
        expect(await t.db.borrowItem.count({ where: { requestId: req.id, holdKey: { not: null } } })).toBe(0);
      }
    }
    expect(outcomes.lent + outcomes.withdrawn).toBe(TRIES);
    console.info(`[race lend×withdraw] ${TRIES} tries: ${JSON.stringify(outcomes)}`);
  });
});
