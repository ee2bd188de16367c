// `npm run audit:checkpoint`: checks that the audit chain extends the last checkpoint, then signs
// and appends a checkpoint of its head to AUDIT_CHECKPOINT_FILE (the scheduler does the same
// hourly). Exit code 0 when written, 2 when the chain is broken (nothing written), 1 on any other error.
import { checkpointFile, writeCheckpoint } from "../server/domain/audit/checkpoint-store";
import { describeDatabase, runScript } from "../prisma/seed/script-db";

console.log(`[audit] database: ${describeDatabase()}; checkpoints: ${checkpointFile()}`);
await runScript(async (db) => {
  try {
    const r = await writeCheckpoint(db, new Date());
    if (r.written) console.log(`checkpoint written: entry ${r.written.lastId}, hash ${r.written.lastHash.slice(0, 16)}…, at ${r.written.at} (key ${r.written.keyId})`);
    return 0;
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("audit chain broken")) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
});
