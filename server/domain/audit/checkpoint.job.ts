import type { Job } from "../../jobs/scheduler";
import { writeCheckpoint } from "./checkpoint-store";

const HOUR = 60 * 60_000;

function everyMs(): number {
  const raw = process.env.AUDIT_CHECKPOINT_EVERY_MINUTES;
  const minutes = raw ? Number(raw) : 60;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) throw new Error(`AUDIT_CHECKPOINT_EVERY_MINUTES must be an integer from 1 to 1440, not ${raw}`);
  return minutes * 60_000;
}

/**
 * Issue 16 #11: a signed checkpoint of the audit chain's head, appended to the checkpoint file
 * (checkpoint-store.ts) every hour the chain has moved, and at least once a day when it has not.
 * A chain that no longer extends the last checkpoint is not signed: the run fails and the
 * scheduler logs where the chain breaks, every tick until it is looked into.
 */
export const auditCheckpointJob: Job = {
  name: "audit-checkpoint",
  everyMs: everyMs(),
  run: (db, now) => writeCheckpoint(db, now, { skipUnchangedWithinMs: 23 * HOUR }),
};
