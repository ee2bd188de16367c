import { DomainError } from "../domain/errors";

// What a failed query means to the person who asked. Prisma wraps the driver's error (a
// PostgreSQL SQLSTATE in meta.driverAdapterError.cause.originalCode, or a pg-pool Error in the
// message), so the chain is searched for the few states a user can act on; anything else stays
// an internal error.

type AdapterCause = { originalCode?: string; code?: string; kind?: string };
const adapterCause = (e: unknown): AdapterCause | undefined =>
  (e as { meta?: { driverAdapterError?: { cause?: AdapterCause } } })?.meta?.driverAdapterError?.cause;
const SQLSTATE_IN_META = (e: unknown): string | undefined => {
  const cause = adapterCause(e);
  return cause?.originalCode ?? cause?.code;
};

/**
 * The database server is not there (stopped, restarting, crashed, unreachable): Prisma's P1001
 * (can't reach) and P1017 (server closed the connection); the adapter's DatabaseNotReachable and
 * ConnectionClosed; SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin or crash
 * shutdown, cannot connect now: starting up, shutting down, in recovery); pg's and Node's words
 * for a dropped or refused connection. The pool drops a broken connection and opens a new one on
 * the next request, so the portal recovers by itself once the server is back
 * (tests/integration/faults-postgres-restart.test.ts).
 */
const UNAVAILABLE_STATE = /^(08\w{3}|57P0[123])$/;
const UNAVAILABLE_KIND = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TlsConnectionError"]);
const UNAVAILABLE_NODE_CODE = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT"]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated unexpectedly|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to (administrator command|unexpected postmaster exit)|Client has encountered a connection error and is not queryable/;

function isUnavailable(x: unknown, state: unknown, msg: string): boolean {
  if (typeof state === "string" && (UNAVAILABLE_STATE.test(state) || UNAVAILABLE_NODE_CODE.has(state) || state === "P1001" || state === "P1017")) return true;
  const kind = adapterCause(x)?.kind;
  if (kind && UNAVAILABLE_KIND.has(kind)) return true;
  return UNAVAILABLE_MESSAGE.test(msg);
}

function* chain(e: unknown): Generator<unknown> {
  for (let i = 0; e && i < 5; i++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

/**
 * 57014 query_canceled: statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS) or a cancel → QUERY_TIMEOUT;
 * no pooled connection within DATABASE_CONNECT_TIMEOUT_MS → DB_BUSY; a malformed uuid that reached
 * PostgreSQL (22P02 on type uuid) names no record → NOT_FOUND; the server stopped, restarting or
 * unreachable → DB_UNAVAILABLE. Null for everything else.
 */
export function domainErrorOfDb(e: unknown): DomainError | null {
  for (const x of chain(e)) {
    if (x instanceof DomainError) return null;
    const state = SQLSTATE_IN_META(x) ?? (x as { code?: unknown })?.code;
    const msg = x instanceof Error ? x.message : "";
    if (state === "57014" || /canceling statement due to (statement timeout|user request)/.test(msg)) return new DomainError("QUERY_TIMEOUT");
    if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/.test(msg)) return new DomainError("DB_BUSY");
    if (isUnavailable(x, state, msg) || isUnavailable(x, (x as { code?: unknown })?.code, msg)) return new DomainError("DB_UNAVAILABLE");
    if ((state === "22P02" || state === "P2007") && /type uuid/.test(msg + JSON.stringify((x as { meta?: unknown }).meta ?? ""))) return new DomainError("NOT_FOUND");
  }
  return null;
}
