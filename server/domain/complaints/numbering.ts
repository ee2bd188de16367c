import type { Tx } from "../../db/tx";

// 投诉 TS-2026-0001, 报修 WX-2026-0001: prefix, year of receipt (Shanghai), four-digit sequence.
export type ServicePrefix = "TS" | "WX";

export function formatServiceNo(prefix: ServicePrefix, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(4, "0")}`;
}

/**
 * Takes the next sequence inside the caller's transaction: the counter row is updated in place
 * (row lock until commit), so concurrent intakes queue on it and a rolled-back transaction gives
 * its number back — gap-free, unlike a sequence. UNIQUE (year, seq) is the last line of defence.
 */
export async function allocateServiceSeq(tx: Tx, prefix: ServicePrefix, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ lastSeq: number }[]>`
    INSERT INTO "ServiceCounter" ("prefix", "year", "lastSeq") VALUES (${prefix}, ${year}, 1)
    ON CONFLICT ("prefix", "year") DO UPDATE SET "lastSeq" = "ServiceCounter"."lastSeq" + 1
    RETURNING "lastSeq"`;
  return rows[0]!.lastSeq;
}
