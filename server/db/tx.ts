import { databaseKind, type Db } from "./client";
import { Prisma } from "./generated/client";
import { DomainError } from "../domain/errors";

export type Tx = Prisma.TransactionClient;

const RETRYABLE_PG = new Set(["40001", "40P01"]); // serialization failure, deadlock

function isRetryable(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (e.code === "P2034") return true;
    const meta = JSON.stringify(e.meta ?? {});
    return [...RETRYABLE_PG].some((c) => meta.includes(c));
  }
  const msg = e instanceof Error ? e.message : String(e);
  return /could not serialize access|deadlock detected|40001|40P01/.test(msg);
}

/**
 * Runs `work` in one SERIALIZABLE transaction and retries it when PostgreSQL reports a
 * serialization failure or deadlock, so concurrent approvals and numberings stay correct.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 20): Promise<T> {
  return serializable(db, work, attempts, 20_000);
}

/**
 * inTransaction() for an administrator's change whose triggers recompute a large summary (a class's
 * checklist → every client file of the class: ~12–17 s per 100k files measured on PostgreSQL):
 * free of the pool's statement timeout and with a transaction timeout of minutes.
 */
export async function inLongTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  return serializable(
    db,
    async (tx) => {
      if (databaseKind() === "postgres") await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
      return work(tx);
    },
    attempts,
    30 * 60_000,
  );
}

async function serializable<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts: number, timeout: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { isolationLevel: Prisma.TransactionIsolationLevel.Serializable, timeout, maxWait: 20_000 });
    } catch (e) {
      if (e instanceof DomainError || attempt >= attempts || !isRetryable(e)) throw e;
      // Every audited write locks the one audit-chain head row, so concurrent writers conflict with
      // each other; exponential backoff with full jitter (capped at 1 s) lets them all through.
      // (8 tries with a linear 20 ms step lost writes at ~60 concurrent requests.)
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 10 * 2 ** attempt)));
    }
  }
}

/** True when `e` is the unique-constraint violation Prisma reports as P2002. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
