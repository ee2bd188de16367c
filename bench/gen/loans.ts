// 借阅 slips (BorrowRequest) with their items over the last `years` years: old slips returned and
// voided, a few rejected or withdrawn; recent ones requested, approved or out on loan. A loan that
// holds its records (approved, lent, renewed) sets holdKey = the record id, as the services do, and
// the records it has out are marked 借出. Every item names a distinct record, so the no-double-lend
// index holds. JY-yyyy-nnnn numbers continue the seeded DocumentCounter.
import fs from "node:fs";
import type { Db } from "../../server/db/client";
import { createRng } from "../../prisma/seed/prng";
import { formatDocumentNo } from "../../server/domain/document-number";
import { benchUuid } from "./ids";
import { inBatches, insertRows, report } from "./insert";
import { recordId } from "./records";
import { hours, seededPeople, shanghaiDate, shanghaiYear } from "./people";

const PURPOSES = ["业主办理产权证核对资料", "年度档案抽查核对", "工程维修查阅竣工资料", "法务诉讼调取合同", "按揭银行核对资料", "复印购房合同给业主"];
export const loanId = (i: number) => benchUuid(`bench-loan:${i}`);

function slipSearchBackfill(): string {
  const sql = fs.readFileSync(new URL("../../prisma/migrations/20261202151433_borrow_search_text/migration.sql", import.meta.url), "utf8");
  return sql.slice(sql.indexOf("UPDATE"));
}

export async function generateLoans(db: Db, total: number, records: number, years: number, batch: number, now = new Date()): Promise<number> {
  const have = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "BorrowRequest" WHERE "id" = ANY($1::uuid[])`, [loanId(0), loanId(total - 1)]);
  if (total === 0 || Number(have[0]!.n) === 2) return 0;
  if (total * 3 > records) throw new Error(`${total} loans need up to ${total * 3} distinct records; only ${records}`);
  const people = await seededPeople(db);
  const counters = new Map((await db.documentCounter.findMany({ where: { series: "JY" } })).map((c) => [c.year, c.lastSeq]));
  const seqOf = new Map<number, number>();
  let stride = 7919;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(stride, records) !== 1) stride++;
  const span = years * 365 * 24;
  let items = 0;
  let itemSeconds = 0;
  let loanSeconds = 0;
  const lentRecords: string[] = [];
  const inserted = await inBatches("loans", total, batch, async (from, to) => {
    const rng = createRng(20260501 + from);
    const loans: Record<string, unknown>[] = [];
    const rows: Record<string, unknown>[] = [];
    for (let i = from; i < to; i++) {
      const ageH = ((total - 1 - i) / total) * span;
      const createdAt = new Date(Math.floor((now.getTime() - hours(ageH)) / 60_000) * 60_000);
      const year = shanghaiYear(createdAt);
      const seq = (seqOf.get(year) ?? counters.get(year) ?? 0) + 1;
      seqOf.set(year, seq);
      const n = rng.int(1, 3);
      const recs = Array.from({ length: n }, (_, j) => ((i * 3 + j) * stride) % records);
      const secret = recs.some((r) => r % 37 === 0);
      const type = rng.pick(["reading", "reading", "copy", "takeaway"] as const);
      const requester = rng.pick(people.staff);
      const approver = rng.pick(people.managers);
      const archivist = rng.pick(people.archivists);
      const days = type === "takeaway" ? 7 : 2;
      const dueOn = shanghaiDate(new Date(createdAt.getTime() + hours(24 * days)));
      // where it got to: the old ones are closed
      const status =
        ageH < 30 ? rng.pick(["requested", "approved", secret ? "pending_second" : "requested"] as const)
        : ageH < 24 * 10 ? rng.pick(["lent", "lent", "renewed", "returned", "approved"] as const)
        : rng.chance(0.94) ? "returned" : rng.pick(["rejected", "withdrawn"] as const);
      const at = (h: number) => new Date(createdAt.getTime() + hours(h));
      const approved = ["approved", "lent", "renewed", "returned"].includes(status);
      const lent = ["lent", "renewed", "returned"].includes(status);
      const returned = status === "returned";
      const holds = ["approved", "lent", "renewed"].includes(status);
      loans.push({
        id: loanId(i),
        requestNo: formatDocumentNo("JY", year, seq),
        requesterId: requester.id,
        borrowType: type,
        purpose: rng.pick(PURPOSES),
        dueOn,
        status,
        needsSecondApproval: secret,
        approvedById: approved || status === "pending_second" ? approver.id : null,
        approvedAt: approved || status === "pending_second" ? at(2) : null,
        approvalComment: approved ? "同意，按期归还" : null,
        secondApprovedById: approved && secret ? people.managers.find((m) => m.id !== approver.id)!.id : null,
        secondApprovedAt: approved && secret ? at(3) : null,
        rejectedById: status === "rejected" ? approver.id : null,
        rejectedAt: status === "rejected" ? at(2) : null,
        rejectComment: status === "rejected" ? "用途不明确，请补充说明" : null,
        withdrawnAt: status === "withdrawn" ? at(1) : null,
        lentById: lent ? archivist.id : null,
        lentAt: lent ? at(4) : null,
        receivedAt: lent ? at(4.1) : null,
        returnedToId: returned ? archivist.id : null,
        returnedAt: returned ? at(4 + rng.int(2, 24 * days)) : null,
        voidedAt: returned ? at(4 + 24 * days) : null,
        renewalCount: status === "renewed" ? 1 : 0,
        createdAt,
        updatedAt: at(returned ? 4 + 24 * days : 4),
      });
      recs.forEach((r, j) => {
        rows.push({ id: benchUuid(`bench-loan-item:${i}:${j}`), requestId: loanId(i), recordId: recordId(r), holdKey: holds ? recordId(r) : null, returnCheck: returned ? (rng.chance(0.98) ? "complete" : "incomplete") : null });
        if (lent && !returned) lentRecords.push(recordId(r));
      });
    }
    const t0 = performance.now();
    const n = await insertRows(db, "BorrowRequest", {
      id: "uuid", requestNo: "text", requesterId: "uuid", borrowType: `"BorrowType"`, purpose: "text", dueOn: "date", status: `"BorrowStatus"`, needsSecondApproval: "boolean",
      approvedById: "uuid", approvedAt: "timestamptz", approvalComment: "text", secondApprovedById: "uuid", secondApprovedAt: "timestamptz", rejectedById: "uuid", rejectedAt: "timestamptz",
      rejectComment: "text", withdrawnAt: "timestamptz", lentById: "uuid", lentAt: "timestamptz", receivedAt: "timestamptz", returnedToId: "uuid", returnedAt: "timestamptz",
      voidedAt: "timestamptz", renewalCount: "int", createdAt: "timestamptz", updatedAt: "timestamptz",
    }, loans);
    const t1 = performance.now();
    items += await insertRows(db, "BorrowItem", { id: "uuid", requestId: "uuid", recordId: "uuid", holdKey: "uuid", returnCheck: `"ReturnCheck"` }, rows);
    loanSeconds += (t1 - t0) / 1000;
    itemSeconds += (performance.now() - t1) / 1000;
    return n;
  });
  report("BorrowRequest", inserted, loanSeconds);
  report("BorrowItem", items, itemSeconds);
  // The slips' search text, as createBorrowRequest writes it: the migration's own backfill statement.
  await db.$executeRawUnsafe(slipSearchBackfill());
  for (let i = 0; i < lentRecords.length; i += 5000)
    await db.$executeRawUnsafe(`UPDATE "ArchiveRecord" SET "status" = 'lent' WHERE "id" = ANY($1::uuid[]) AND "status" = 'in_store'`, lentRecords.slice(i, i + 5000));
  for (const [year, lastSeq] of seqOf)
    await db.$executeRawUnsafe(
      `INSERT INTO "DocumentCounter" ("series", "year", "lastSeq") VALUES ('JY', $1::int, $2::int) ON CONFLICT ("series", "year") DO UPDATE SET "lastSeq" = GREATEST("DocumentCounter"."lastSeq", EXCLUDED."lastSeq")`,
      year,
      lastSeq,
    );
  return inserted;
}
