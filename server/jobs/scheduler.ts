import type { Db } from "../db/client";

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
};

/** Starts every job on its own timer; returns a stop function. A run never overlaps the previous one of the same job. */
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
        await job.run(await opts.getDb(), now());
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
