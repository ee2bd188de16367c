import type { Tx } from "../db/tx";

// The department's own document numbers: `JY-2026-0001` (借出单), `LQ-2026-0001` (领取确认单) …
// Gap-free per series and Shanghai year: the counter row is updated in place inside the caller's
// transaction (row lock until commit), so concurrent creators queue on it and a rolled-back
// transaction gives its number back. The document's own unique number column is the last guard.

export function formatDocumentNo(series: string, year: number, seq: number, width = 4): string {
  return `${series}-${year}-${String(seq).padStart(width, "0")}`;
}

export async function allocateDocumentSeq(tx: Tx, series: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ lastSeq: number }[]>`
    INSERT INTO "DocumentCounter" ("series", "year", "lastSeq") VALUES (${series}, ${year}, 1)
    ON CONFLICT ("series", "year") DO UPDATE SET "lastSeq" = "DocumentCounter"."lastSeq" + 1
    RETURNING "lastSeq"`;
  return rows[0]!.lastSeq;
}

export async function nextDocumentNo(tx: Tx, series: string, year: number): Promise<string> {
  return formatDocumentNo(series, year, await allocateDocumentSeq(tx, series, year));
}
