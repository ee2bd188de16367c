import type { Tx } from "../../db/tx";

/** 档号 `KH-2026-000123`: class code, year of formation, six-digit sequence (DOMAIN §1). */
export function formatArchiveNo(classCode: string, year: number, seq: number): string {
  return `${classCode}-${year}-${String(seq).padStart(6, "0")}`;
}

const ARCHIVE_NO = /^([A-Z][A-Z0-9]{0,9})-(\d{4})-(\d{6,})$/;

export function parseArchiveNo(no: string): { classCode: string; year: number; seq: number } | null {
  const m = ARCHIVE_NO.exec(no.trim().toUpperCase());
  return m ? { classCode: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : null;
}

/**
 * Takes the next sequence of (class, year) inside the caller's transaction. The counter row is
 * updated in place (row lock until commit), so concurrent creators queue on it and a rolled-back
 * transaction gives its number back: numbers stay gap-free, unlike a sequence. The unique
 * (classId, year, seq) constraint is the last line of defence.
 */
export async function allocateSeq(tx: Tx, classId: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ lastSeq: number }[]>`
    INSERT INTO "ArchiveCounter" ("classId", "year", "lastSeq") VALUES (${classId}::uuid, ${year}, 1)
    ON CONFLICT ("classId", "year") DO UPDATE SET "lastSeq" = "ArchiveCounter"."lastSeq" + 1
    RETURNING "lastSeq"`;
  return rows[0]!.lastSeq;
}
