// `npm run audit:verify`: recomputes the audit log's hash chain in the database and reports the
// first entry that does not match. Exit code 0 when intact, 2 when broken, 1 on any other error.
import { verifyAuditChain } from "../server/domain/audit/verify-chain";
import { describeDatabase, runScript } from "../prisma/seed/script-db";

const REASONS = {
  hash: "content does not match its hash",
  link: "prevHash does not match the previous entry's hash",
  head: "chain head does not match the last entry (tail removed?)",
} as const;

console.log(`[audit] database: ${describeDatabase()}`);
await runScript(async (db) => {
  const report = await verifyAuditChain(db);
  if (report.ok) {
    console.log(`audit chain OK: ${report.checked} entries`);
    return 0;
  }
  console.error(`audit chain BROKEN at entry ${report.brokenAt} (${report.reason}: ${REASONS[report.reason]}); ${report.checked} entries before it verified`);
  return 2;
});
