import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/client";
import { startScheduler, type Job } from "./scheduler";

const fakeDb = {} as Db;
// These tests are about timing; the database claim has its own test (tests/integration/job-claim.test.ts).
const claim = async () => true;

describe("startScheduler", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs each job after the first delay and then on its interval, until stopped", async () => {
    const runs: string[] = [];
    const job: Job = { name: "a", everyMs: 60_000, run: async () => void runs.push("a") };
    const stop = startScheduler([job], { getDb: async () => fakeDb, firstRunAfterMs: 1_000, claim });
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runs).toEqual(["a", "a", "a"]);
    stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(runs).toHaveLength(3);
  });

  it("never overlaps two runs of one job, and a failing run does not stop the next", async () => {
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    const log = vi.fn();
    const job: Job = {
      name: "slow",
      everyMs: 1_000,
      run: async () => {
        calls++;
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 2_500));
        active--;
        if (calls === 1) throw new Error("boom");
      },
    };
    const stop = startScheduler([job], { getDb: async () => fakeDb, firstRunAfterMs: 0, log, claim });
    await vi.advanceTimersByTimeAsync(10_000);
    stop();
    expect(maxActive).toBe(1);
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(log).toHaveBeenCalledWith("job slow failed", expect.any(Error));
  });

  it("skips a tick this instance did not claim", async () => {
    const runs: Date[] = [];
    let ticks = 0;
    const job: Job = { name: "c", everyMs: 1_000, run: async (_db, now) => void runs.push(now) };
    const stop = startScheduler([job], { getDb: async () => fakeDb, firstRunAfterMs: 0, claim: async () => ++ticks % 2 === 1 });
    await vi.advanceTimersByTimeAsync(3_500);
    stop();
    expect(ticks).toBe(4);
    expect(runs).toHaveLength(2);
  });
});
