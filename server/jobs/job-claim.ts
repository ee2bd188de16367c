import crypto from "node:crypto";
import os from "node:os";
import type { Db } from "../db/client";

// issue 9 §4: with several server instances each runs every job on its own timer. Before a tick
// runs, the instance claims it in the database: one conditional upsert moves the job's
// claimedUntil a period forward only if the previous claim has run out, so of the instances
// ticking together exactly one gets the row back and runs; the others skip this tick. The job's
// own dedupe keys stay as the second line of defence (a claim that outlives a crashed instance
// only delays the next run by one period).

/** Who holds a claim: host, process and a random part (two processes on one host differ). */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

/**
 * A timer may fire a few milliseconds early, and the claiming instance's next tick must still win
 * its own next period: a claim lasts the period less this slack.
 */
const SLACK_MS = 1_000;

export function claimDurationMs(everyMs: number): number {
  return Math.max(everyMs - Math.min(SLACK_MS, everyMs / 10), 0);
}

/** True when this instance claimed the tick of job `name` at `now` (and so must run it). */
export async function claimJobTick(db: Db, name: string, everyMs: number, now: Date, instanceId: string = INSTANCE_ID): Promise<boolean> {
  const until = new Date(now.getTime() + claimDurationMs(everyMs));
  // INSERT … ON CONFLICT DO UPDATE … WHERE locks the row: a concurrent claimer waits, then sees
  // the moved claimedUntil and updates nothing (no row returned).
  const rows = await db.$queryRaw<{ name: string }[]>`
    INSERT INTO "JobClaim" ("name", "claimedUntil", "claimedBy", "runs", "updatedAt")
    VALUES (${name}, ${until}, ${instanceId}, 1, ${now})
    ON CONFLICT ("name") DO UPDATE
      SET "claimedUntil" = EXCLUDED."claimedUntil", "claimedBy" = EXCLUDED."claimedBy", "runs" = "JobClaim"."runs" + 1, "updatedAt" = EXCLUDED."updatedAt"
      WHERE "JobClaim"."claimedUntil" <= ${now}
    RETURNING "name"`;
  return rows.length === 1;
}
