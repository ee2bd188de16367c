import { describe, expect, it, vi } from "vitest";
import { startScheduler, type Job } from "../../server/jobs/scheduler";
import { claimJobTick } from "../../server/jobs/job-claim";
import { useTestDatabase } from "./helpers";

// issue 9 §4: several server instances share one database; each job tick runs on one of them.
const t = useTestDatabase();

describe("scheduler claim", () => {
  it("two schedulers (two instances) ticking together over one database run the job once", async () => {
    const runs: string[] = [];
    const job = (instance: string): Job => ({ name: "test.twoInstances", everyMs: 60_000, run: async () => void runs.push(instance) });
    const at = new Date("2026-03-02T02:00:00Z");
    const claims: boolean[] = [];
    const claim = async (db: typeof t.db, j: Job, now: Date) => {
      const ok = await claimJobTick(db, j.name, j.everyMs, now, `instance-${claims.length}`);
      claims.push(ok);
      return ok;
    };
    const stops = [
      startScheduler([job("a")], { getDb: async () => t.db, now: () => at, firstRunAfterMs: 0, claim }),
      startScheduler([job("b")], { getDb: async () => t.db, now: () => at, firstRunAfterMs: 0, claim }),
    ];
    await vi.waitFor(() => expect(claims).toHaveLength(2), { timeout: 10_000 });
    for (const stop of stops) stop();
    expect(runs).toHaveLength(1);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const row = await t.db.jobClaim.findUniqueOrThrow({ where: { name: "test.twoInstances" } });
    expect(row.runs).toBe(1);
  });

  it("the default claim (no claim option) runs against the database too", async () => {
    const runs: number[] = [];
    const job: Job = { name: "test.default", everyMs: 60_000, run: async () => void runs.push(1) };
    const at = () => new Date("2026-03-02T02:00:00Z");
    const stops = [0, 1, 2].map(() => startScheduler([job], { getDb: async () => t.db, now: at, firstRunAfterMs: 0 }));
    await vi.waitFor(async () => expect((await t.db.jobClaim.findUnique({ where: { name: "test.default" } }))?.runs).toBe(1), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 300));
    for (const stop of stops) stop();
    expect(runs).toHaveLength(1);
  });

  it("a claim holds for the period; the next period is claimed again, concurrently by one only", async () => {
    const t0 = new Date("2026-03-02T03:00:00Z");
    const every = 5 * 60_000;
    expect(await claimJobTick(t.db, "test.period", every, t0, "a")).toBe(true);
    expect(await claimJobTick(t.db, "test.period", every, new Date(t0.getTime() + 60_000), "b")).toBe(false);
    // The claimer's own next tick (even a little early) wins the next period.
    const next = new Date(t0.getTime() + every - 500);
    const results = await Promise.all(["a", "b", "c", "d"].map((who) => claimJobTick(t.db, "test.period", every, next, who)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const row = await t.db.jobClaim.findUniqueOrThrow({ where: { name: "test.period" } });
    expect(row.runs).toBe(2);
  });
});
