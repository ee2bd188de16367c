import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

// A request the browser abandons stops its queries (issue 15). Prisma takes no AbortSignal, so the
// request's signal rides in AsyncLocalStorage (runWithRequestSignal, set by the tRPC route), and
// the pool below asks PostgreSQL to cancel whatever the request's connection is running when it
// aborts (pg_cancel_backend on a separate short connection: the request's own connection is busy,
// and the pool may be full). The statement then fails with 57014, like a statement timeout.
// Server components get no signal from Next.js; for them the statement timeout is the bound.

const requestSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` with `signal` as the current request's: its queries are cancelled when it aborts.
 * Awaited inside, because a Prisma query is lazy: it starts (and takes its connection) only when
 * awaited, which must happen within the signal's scope.
 */
export function runWithRequestSignal<T>(signal: AbortSignal, work: () => T | PromiseLike<T>): Promise<T> {
  return requestSignal.run(signal, async () => await work());
}

type Release = (err?: Error | boolean) => void;

/**
 * A pg Pool whose connections, while lent to a request that has a signal, are cancelled when that
 * signal aborts. Plain `pool.query` goes through `connect` too, so one hook covers queries and
 * transactions alike.
 */
export function cancellablePool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const cancel = (pid: number) => {
    // Without the pool's `-c role=…` (client.ts): a backend is signalled with the rights of the
    // login it was opened by, not of the role it switched to.
    const c = new pg.Client({ ...config, options: undefined, statement_timeout: 5_000, connectionTimeoutMillis: 5_000 });
    c.connect()
      .then(() => c.query("SELECT pg_cancel_backend($1)", [pid]))
      .catch(() => {
        // Best effort: the statement timeout still bounds it.
      })
      .finally(() => void c.end().catch(() => {}));
  };
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const watch = (client: pg.PoolClient, signal: AbortSignal | undefined): pg.PoolClient => {
    const pid = (client as unknown as { processID?: number }).processID;
    if (!signal || !pid) return client;
    const onAbort = () => cancel(pid);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    const release = client.release.bind(client) as Release;
    client.release = ((err?: Error | boolean) => {
      signal.removeEventListener("abort", onAbort);
      client.release = release;
      release(err);
    }) as typeof client.release;
    return client;
  };
  // pool.query calls connect with a callback, @prisma/adapter-pg's transactions without: both.
  type Callback = (err: Error | undefined, client?: pg.PoolClient, done?: Release) => void;
  (pool as unknown as { connect: (cb?: Callback) => Promise<pg.PoolClient> | undefined }).connect = (cb?: Callback) => {
    const signal = requestSignal.getStore();
    const lent = connect().then((client) => watch(client, signal));
    if (!cb) return lent;
    lent.then(
      (client) => cb(undefined, client, (err) => client.release(err)),
      (err: Error) => cb(err),
    );
    return undefined;
  };
  return pool;
}
