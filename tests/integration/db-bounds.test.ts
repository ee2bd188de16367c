import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { openTestDatabase, pgErrorText, type TestDatabase } from "./helpers";
import { createCallerFactory, publicProcedure, router } from "../../server/api/trpc";
import { formatError } from "../../server/api/error-format";
import { domainErrorOfDb } from "../../server/db/db-errors";
import { withoutStatementTimeout } from "../../server/db/client";
import { inLongTransaction } from "../../server/db/tx";
import { runWithRequestSignal } from "../../server/db/abort-signal";
import { DomainError } from "../../server/domain/errors";

// Issue 15: the pool's bounds on a PostgreSQL server (server/db/client.ts). Nothing here depends
// on the machine's speed: a 1.5 s timeout against a 30 s (or 3 s) pg_sleep, a pool held full on purpose.
// PGlite has neither a statement timeout nor a pool (README: what bounds it), so this file needs
// DATABASE_URL (scripts/test-all.sh runs the integration suite on both).
const onServer = !!process.env.DATABASE_URL;

const TIMEOUT_MS = 1_500;
const CONNECT_TIMEOUT_MS = 5_000;

/** A database opened with these pool settings (the pool reads them when it opens). */
function useDatabaseWith(env: Record<string, string>) {
  const holder = { t: undefined as TestDatabase | undefined };
  beforeAll(async () => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      holder.t = await openTestDatabase();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
  afterAll(async () => {
    await holder.t?.close();
  });
  return holder;
}

// Read as the owner: the portal's role sees no query text of the test login's other sessions.
const sleepingIn = async (t: TestDatabase) =>
  Number((await t.asOwner((owner) => owner.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()")))[0]!.n);

describe.skipIf(!onServer)("[db] statement timeout and pool bounds on PostgreSQL", () => {
  const h = useDatabaseWith({ DATABASE_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS), DATABASE_POOL_SIZE: "2", DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS) });
  let t: TestDatabase;
  beforeAll(() => {
    t = h.t!;
  });
  const sleeping = () => sleepingIn(t);

  it("cancels a statement over the timeout, reports it as QUERY_TIMEOUT, and the next query works", async () => {
    const e = await t.db.$queryRawUnsafe("SELECT pg_sleep(30)").then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).not.toBeNull();
    expect(domainErrorOfDb(e)?.code).toBe("QUERY_TIMEOUT");
    // The server stopped it: nothing of it is left running.
    expect(await sleeping()).toBe(0);
    expect(await t.db.$queryRawUnsafe("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  }, 60_000);

  it("a procedure's timed-out statement is a TIMEOUT with the translated message, not a 500", async () => {
    const probe = router({ slow: publicProcedure.query(({ ctx }) => ctx.db.$queryRawUnsafe("SELECT pg_sleep(30)")) });
    const caller = createCallerFactory(probe)({ db: t.db, user: null, ip: null, locale: "zh-CN" });
    const e = await caller.slow().then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TRPCError);
    const err = e as TRPCError;
    expect(err.code).toBe("TIMEOUT");
    expect((err.cause as DomainError).code).toBe("QUERY_TIMEOUT");
    expect(formatError(err, "zh-CN").message).toMatch(/^查询超时，请缩小范围/);
    expect(formatError(err, "en").message).toMatch(/took too long/);
    expect(await t.db.user.count()).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it("a long job opts out inside its transaction, and the pool's timeout holds again afterwards", async () => {
    // pg_sleep(3) always outlasts a 1.5 s timeout, however fast the machine.
    const rows = await withoutStatementTimeout(t.db, (tx) => tx.$queryRawUnsafe<{ ok: number }[]>("SELECT 1 AS ok FROM pg_sleep(3)"));
    expect(rows).toEqual([{ ok: 1 }]);
    // SET LOCAL ended with the transaction: every pooled connection still has the timeout.
    for (let i = 0; i < 3; i++) expect(await t.db.$queryRawUnsafe<{ statement_timeout: string }[]>("SHOW statement_timeout")).toEqual([{ statement_timeout: `${TIMEOUT_MS}ms` }]);
    await expect(t.db.$queryRawUnsafe("SELECT pg_sleep(3)")).rejects.toSatisfy((err: unknown) => domainErrorOfDb(err)?.code === "QUERY_TIMEOUT");
  }, 60_000);

  it("an administrator's long recompute (inLongTransaction) opts out the same way, serializable", async () => {
    const rows = await inLongTransaction(t.db, async (tx) => {
      await tx.$queryRawUnsafe("SELECT 1 AS ok FROM pg_sleep(3)");
      return tx.$queryRawUnsafe<{ transaction_isolation: string }[]>("SHOW transaction_isolation");
    });
    expect(rows).toEqual([{ transaction_isolation: "serializable" }]);
    await expect(t.db.$queryRawUnsafe("SELECT pg_sleep(3)")).rejects.toSatisfy((err: unknown) => domainErrorOfDb(err)?.code === "QUERY_TIMEOUT");
  }, 60_000);

  it("a burst beyond the pool waits a bounded time and is told the system is busy (DB_BUSY)", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const holders: Promise<unknown>[] = [];
    let entered = 0;
    const bothIn = new Promise<void>((resolve) => {
      for (let i = 0; i < 2; i++) {
        holders.push(
          t.db.$transaction(
            async (tx) => {
              await tx.$queryRawUnsafe("SELECT 1");
              if (++entered === 2) resolve();
              await held;
            },
            { timeout: 60_000, maxWait: 60_000 },
          ),
        );
      }
    });
    try {
      await bothIn;
      const e = await t.db.$queryRawUnsafe("SELECT 1").then(
        () => null,
        (err: unknown) => err,
      );
      expect(domainErrorOfDb(e)?.code).toBe("DB_BUSY");
    } finally {
      release();
      await Promise.all(holders);
    }
    expect(await t.db.$queryRawUnsafe("SELECT 2 AS two")).toEqual([{ two: 2 }]);
  }, 60_000);

  it("a malformed uuid that reaches PostgreSQL is NOT_FOUND, not an internal error", async () => {
    const e = await t.db.archiveRecord.findUnique({ where: { id: "not-a-uuid" } }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(domainErrorOfDb(e)?.code).toBe("NOT_FOUND");
  });
});

describe.skipIf(!onServer)("[db] a request that is abandoned stops its queries", () => {
  // No statement timeout here: only the abort can stop a 30 s sleep before the test's own limit.
  const h = useDatabaseWith({ DATABASE_STATEMENT_TIMEOUT_MS: "0" });

  async function abandoned(run: () => Promise<unknown>) {
    const t = h.t!;
    const ac = new AbortController();
    const settled = runWithRequestSignal(ac.signal, run).then(
      () => null,
      (err: unknown) => err,
    );
    await vi.waitFor(async () => expect(await sleepingIn(t)).toBe(1), { timeout: 30_000, interval: 50 });
    ac.abort();
    const e = await settled;
    expect(pgErrorText(e)).toMatch(/canceling statement due to user request/);
    expect(domainErrorOfDb(e)?.code).toBe("QUERY_TIMEOUT");
    expect(await sleepingIn(t)).toBe(0);
    expect(await t.db.$queryRawUnsafe("SELECT 3 AS three")).toEqual([{ three: 3 }]);
  }

  it("a plain query is cancelled when its request's signal aborts", async () => {
    await abandoned(() => h.t!.db.$queryRawUnsafe("SELECT pg_sleep(30)"));
  }, 60_000);

  it("a transaction's statement is cancelled too", async () => {
    await abandoned(() => withoutStatementTimeout(h.t!.db, (tx) => tx.$queryRawUnsafe("SELECT pg_sleep(30)")));
  }, 60_000);

  it("a query of a request that is not aborted runs to its end", async () => {
    const ac = new AbortController();
    expect(await runWithRequestSignal(ac.signal, () => h.t!.db.$queryRawUnsafe<{ ok: number }[]>("SELECT 1 AS ok FROM pg_sleep(0.3)"))).toEqual([{ ok: 1 }]);
    ac.abort(); // after the fact: nothing left to cancel, the next query is unaffected
    expect(await h.t!.db.$queryRawUnsafe("SELECT 4 AS four")).toEqual([{ four: 4 }]);
  });
});

describe.skipIf(!onServer)("[db] opening the database releases the schema engine's lock", () => {
  const h = useDatabaseWith({});

  it("no advisory lock is left on the database once it is open, so a second server can start at once", async () => {
    const db = h.t!.db;
    const held = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
    );
    // Before the migration connections were closed, the lock stayed with an idle pooled
    // connection and another process opening the database failed with P1002 after 10 s.
    expect(held[0]!.n).toBe(0);
  });
});
