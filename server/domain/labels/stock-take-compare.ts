// 盘点: what the system says is in a box or on a shelf, against what the archivist found there.
//   present   in the system here and found
//   on_loan   in the system here, not found, and lent out (借出 is not missing)
//   missing   in the system here, not found, not lent
//   misplaced found here, but the system has it elsewhere (expectedLocation says where)
//   unknown   found here, no record has that 档号

export type Outcome = "present" | "missing" | "misplaced" | "unknown" | "on_loan";

export type ExpectedRecord = { id: string; archiveNo: string; isLent: boolean };
export type KnownRecord = { id: string; archiveNo: string; location: string | null };
export type ComparedLine = { archiveNo: string; recordId: string | null; outcome: Outcome; expectedLocation: string | null };
export type Counts = Record<Outcome, number>;

/** A scanner types exactly; a person may type lower case or stray blanks. */
export function normaliseArchiveNo(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

export function compareStockTake(input: {
  expected: readonly ExpectedRecord[];
  scanned: readonly string[];
  /** Records found by 档号 among the scanned numbers that are not expected here. */
  elsewhere: ReadonlyMap<string, KnownRecord>;
}): { lines: ComparedLine[]; counts: Counts } {
  const scanned = new Set(input.scanned.map(normaliseArchiveNo).filter(Boolean));
  const lines: ComparedLine[] = [];
  const expectedNos = new Set<string>();
  for (const r of input.expected) {
    const no = normaliseArchiveNo(r.archiveNo);
    expectedNos.add(no);
    const outcome: Outcome = scanned.has(no) ? "present" : r.isLent ? "on_loan" : "missing";
    lines.push({ archiveNo: no, recordId: r.id, outcome, expectedLocation: null });
  }
  for (const no of scanned) {
    if (expectedNos.has(no)) continue;
    const known = input.elsewhere.get(no);
    lines.push(
      known
        ? { archiveNo: no, recordId: known.id, outcome: "misplaced", expectedLocation: known.location }
        : { archiveNo: no, recordId: null, outcome: "unknown", expectedLocation: null },
    );
  }
  lines.sort((a, b) => a.archiveNo.localeCompare(b.archiveNo, "en", { numeric: true }));
  const counts: Counts = { present: 0, missing: 0, misplaced: 0, unknown: 0, on_loan: 0 };
  for (const l of lines) counts[l.outcome]++;
  return { lines, counts };
}
