// 审计日志 entries over the last `years` years, inserted in id order through the normal INSERT path
// so the audit_log_chain trigger computes prevHash/hash row by row: the chain stays valid
// (npm run audit:verify). Small statements (1000 rows), each its own transaction: the trigger updates
// the one AuditChainHead row per entry, and inside one transaction those versions cannot be pruned,
// so a 50k-row statement spends its time walking the head row's version chain (quadratic). Actions, entities and their `after` are shaped like the services' own
// entries and point at the generated records, complaints, loans and contacts.
import type { Db } from "../../server/db/client";
import { sqlBenchUuid } from "./ids";
import { report } from "./insert";

export async function generateAudit(db: Db, total: number, years: number, volumes: { records: number; complaints: number; loans: number; contacts: number }, batch: number): Promise<number> {
  const have = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "AuditLog" WHERE "ip" = '10.8.0.1'`);
  const done = Number(have[0]!.n);
  if (total === 0 || done >= total) return 0;
  const actors = await db.user.findMany({ where: { NOT: { loginName: { startsWith: "bench." } } }, select: { id: true, displayName: true }, orderBy: { loginName: "asc" } });
  const mod = (n: number) => Math.max(1, n);
  const t0 = performance.now();
  let inserted = 0;
  const spanSeconds = years * 365 * 86400;
  for (let from = done; from < total; from += batch) {
    const to = Math.min(total, from + batch);
    // g's kind: 0-2 sign-ins, 3-4 records, 5-6 complaints, 7 loans, 8 contacts, 9 prints
    inserted += await db.$executeRawUnsafe(
      `INSERT INTO "AuditLog" ("at", "actorId", "actorName", "action", "entity", "entityId", "before", "after", "ip")
       SELECT date_trunc('milliseconds', now() - make_interval(secs => ($2::int - 1 - g)::float8 / $2::int * $3::float8)),
              ($4::uuid[])[1 + g % array_length($4::uuid[], 1)], ($5::text[])[1 + g % array_length($5::text[], 1)],
              CASE k WHEN 0 THEN 'auth.signIn' WHEN 1 THEN 'auth.signIn' WHEN 2 THEN 'auth.signOut'
                     WHEN 3 THEN 'archive.create' WHEN 4 THEN (ARRAY['archive.updateLocation', 'archive.lend', 'archive.return'])[1 + g % 3]
                     WHEN 5 THEN 'complaint.create' WHEN 6 THEN (ARRAY['complaint.progress', 'complaint.resolve', 'complaint.callback', 'complaint.close'])[1 + g % 4]
                     WHEN 7 THEN (ARRAY['borrow.create', 'borrow.approve', 'borrow.lend', 'borrow.return'])[1 + g % 4]
                     WHEN 8 THEN 'contact.create' ELSE 'print.form' END,
              CASE WHEN k <= 2 THEN 'User' WHEN k <= 4 THEN 'ArchiveRecord' WHEN k <= 6 THEN 'Complaint' WHEN k = 7 THEN 'BorrowRequest' WHEN k = 8 THEN 'ContactLog' ELSE 'Complaint' END,
              CASE WHEN k <= 2 THEN (($4::uuid[])[1 + g % array_length($4::uuid[], 1)])::text
                   WHEN k <= 4 THEN r."id"::text WHEN k <= 6 OR k = 9 THEN c."id"::text WHEN k = 7 THEN l."id"::text ELSE n."id"::text END,
              CASE WHEN k = 4 THEN jsonb_build_object('status', 'in_store') END,
              CASE WHEN k <= 2 THEN jsonb_build_object('loginName', 'user')
                   WHEN k <= 4 THEN jsonb_build_object('archiveNo', r."archiveNo", 'title', r."title")
                   WHEN k <= 6 THEN jsonb_build_object('complaintNo', c."complaintNo", 'status', c."status")
                   WHEN k = 7 THEN jsonb_build_object('requestNo', l."requestNo", 'status', l."status")
                   WHEN k = 8 THEN jsonb_build_object('contactNo', n."contactNo", 'purpose', n."purpose")
                   ELSE jsonb_build_object('form', 'complaint-sheet', 'complaintNo', c."complaintNo") END,
              '10.8.0.1'
       FROM (SELECT g, g % 10 AS k FROM generate_series($1::int, $6::int - 1) g) s
       LEFT JOIN "ArchiveRecord" r ON s.k IN (3, 4) AND r."id" = ${sqlBenchUuid(`'bench-record:' || (s.g::bigint * 7919) % ${mod(volumes.records)}`)}
       LEFT JOIN "Complaint" c ON s.k IN (5, 6, 9) AND c."id" = ${sqlBenchUuid(`'bench-complaint:' || (s.g::bigint * 7919) % ${mod(volumes.complaints)}`)}
       LEFT JOIN "BorrowRequest" l ON s.k = 7 AND l."id" = ${sqlBenchUuid(`'bench-loan:' || (s.g::bigint * 7919) % ${mod(volumes.loans)}`)}
       LEFT JOIN "ContactLog" n ON s.k = 8 AND n."id" = ${sqlBenchUuid(`'bench-contact:' || (s.g::bigint * 7919) % ${mod(volumes.contacts)}`)}
       ORDER BY s.g`,
      from,
      total,
      spanSeconds,
      actors.map((a) => a.id),
      actors.map((a) => a.displayName),
      to,
    );
    if (to % (batch * 50) === 0 || to === total) console.log(`[bench]   … audit ${to.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`);
  }
  report("AuditLog", inserted, (performance.now() - t0) / 1000);
  return inserted;
}
