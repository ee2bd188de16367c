import { DomainError } from "../domain/errors";

// What a failed query means to the person who asked. Prisma wraps the driver's error (a
// PostgreSQL SQLSTATE in meta.driverAdapterError.cause.originalCode, or a pg-pool Error in the
// message), so the chain is searched for the few states a user can act on; anything else stays
// an internal error.

const SQLSTATE_IN_META = (e: unknown): string | undefined => {
  const meta = (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string } } } })?.meta;
  const cause = meta?.driverAdapterError?.cause;
  return cause?.originalCode ?? cause?.code;
};

function* chain(e: unknown): Generator<unknown> {
  for (let i = 0; e && i < 5; i++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

/**
 * 57014 query_canceled: statement_timeout (DATABASE_STATEMENT_TIMEOUT_MS) or a cancel → QUERY_TIMEOUT;
 * no pooled connection within DATABASE_CONNECT_TIMEOUT_MS → DB_BUSY; a malformed uuid that reached
 * PostgreSQL (22P02 on type uuid) names no record → NOT_FOUND. Null for everything else.
 */
export function domainErrorOfDb(e: unknown): DomainError | null {
  for (const x of chain(e)) {
    if (x instanceof DomainError) return null;
    const state = SQLSTATE_IN_META(x) ?? (x as { code?: unknown })?.code;
    const msg = x instanceof Error ? x.message : "";
    if (state === "57014" || /canceling statement due to (statement timeout|user request)/.test(msg)) return new DomainError("QUERY_TIMEOUT");
    if (/timeout exceeded when trying to connect|Connection terminated due to connection timeout/.test(msg)) return new DomainError("DB_BUSY");
    if ((state === "22P02" || state === "P2007") && /type uuid/.test(msg + JSON.stringify((x as { meta?: unknown }).meta ?? ""))) return new DomainError("NOT_FOUND");
  }
  return null;
}
