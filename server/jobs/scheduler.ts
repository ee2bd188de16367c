import type { Db } from "../db/client";
import { claimJobTick } from "./job-claim";

/**
 * A job the server runs on a timer (reminders, overdue flags). Jobs must be idempotent and safe
 * when several server instances run them at once: what they write is keyed (a notification's
 * dedupeKey, a conditional update), so a second run or a second instance adds nothing.
 */
export type Job = {
  name: string;
  everyMs: number;
  run: (db: Db, now: Date) => Promise<unknown>;
};

export type SchedulerOptions = {
  getDb: () => Promise<Db>;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /** Delay before the first run, so a starting server answers requests first. */
  firstRunAfterMs?: number;
  /**
   * Decides whether this instance runs a tick (issue 9 §4): by default a claim in the database's
   * JobClaim table, so of several instances ticking together one runs the job.
   */
  claim?: (db: Db, job: Job, now: Date) => Promise<boolean>;
};

const claimInDatabase = (db: Db, job: Job, now: Date) => claimJobTick(db, job.name, job.everyMs, now);

/**
 * Starts every job on its own timer; returns a stop function. A run never overlaps the previous one
 * of the same job, and a tick another instance has claimed is skipped.
 */
export function startScheduler(jobs: readonly Job[], opts: SchedulerOptions): () => void {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((m, e) => console.error(`[scheduler] ${m}`, e ?? ""));
  const timers: ReturnType<typeof setTimeout>[] = [];
  let stopped = false;

  for (const job of jobs) {
    let running = false;
    const tick = async () => {
      if (stopped || running) return;
      running = true;
      try {
        const db = await opts.getDb();
        const at = now();
        if (!(await (opts.claim ?? claimInDatabase)(db, job, at))) return;
        await job.run(db, at);
      } catch (e) {
        // One failing run must not stop the timer: the next tick tries again.
        log(`job ${job.name} failed`, e);
      } finally {
        running = false;
      }
    };
    const first = setTimeout(() => {
      void tick();
      const every = setInterval(() => void tick(), job.everyMs);
      every.unref?.();
      timers.push(every);
    }, opts.firstRunAfterMs ?? 5_000);
    first.unref?.();
    timers.push(first);
  }

  return () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
  };
}
