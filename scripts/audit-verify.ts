// `npm run audit:verify`: recomputes the audit log's hash chain in the database and checks it
// against every signed checkpoint in AUDIT_CHECKPOINT_FILE (issue 16 #11): each checkpoint's
// signature must hold, and the entry it names must still have the hash it signed. Exit code 0
// when intact, 2 when broken, 1 on any other error.
import { verifyAuditChain } from "../server/domain/audit/verify-chain";
import { checkpointFile, loadCheckpoints } from "../server/domain/audit/checkpoint-store";
import { describeDatabase, runScript } from "../prisma/seed/script-db";

const REASONS = {
  hash: "content does not match its hash",
  link: "prevHash does not match the previous entry's hash",
  head: "chain head does not match the last entry (tail removed?)",
  checkpoint: "the entry differs from a signed checkpoint, or is gone (chain rewritten?)",
} as const;
const PROBLEMS = {
  malformed: "not a checkpoint",
  key: "signed with another key",
  signature: "signature does not verify (edited or forged)",
  backwards: "names an earlier entry than a checkpoint before it",
} as const;

console.log(`[audit] database: ${describeDatabase()}`);
await runScript(async (db) => {
  const stored = loadCheckpoints();
  let code = 0;
  if (!stored) {
    console.warn(`[audit] no checkpoints (${checkpointFile()}) and no key: the chain is checked against itself only`);
  } else {
    console.log(`[audit] checkpoints: ${stored.file}, ${stored.anchors.length} of ${stored.lines} with a valid signature`);
    for (const p of stored.problems) {
      console.error(`checkpoint line ${p.line} REJECTED (${p.reason}: ${PROBLEMS[p.reason]})`);
      code = 2;
    }
  }
  const report = await verifyAuditChain(db, { anchors: stored?.anchors ?? [] });
  if (report.ok) {
    console.log(`audit chain OK: ${report.checked} entries${stored ? `, ${report.anchored} checkpoint matches` : ""}`);
    return code;
  }
  const at = report.checkpointLine ? ` (checkpoint line ${report.checkpointLine})` : "";
  console.error(`audit chain BROKEN at entry ${report.brokenAt}${at} (${report.reason}: ${REASONS[report.reason]}); ${report.checked} entries before it verified`);
  return 2;
});
