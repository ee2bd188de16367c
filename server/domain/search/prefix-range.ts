// Prefix lookups as btree ranges. Under the C.UTF-8 collation PostgreSQL cannot turn
// `name LIKE '王%'` into an index range (it walked 556k entries of Client_name_idx at 1.1M
// clients), but `name >= '王' AND name < '玌'` is a plain range the same index serves. C.UTF-8
// (and PGlite's C) order text by code point, so "every string starting with p" is exactly
// [p, p with its last code point incremented); the LIKE kept beside it (`startsWith`) only
// confirms, so a database in another collation still returns nothing that does not match.

import { startsWithText } from "./like-pattern";

/** The smallest string greater than every string that starts with `prefix`, or null (no bound). */
export function prefixUpperBound(prefix: string): string | null {
  const cps = [...prefix].map((c) => c.codePointAt(0)!);
  while (cps.length > 0) {
    const last = cps.pop()!;
    if (last < 0x10ffff) {
      // Surrogate code points are not characters: the next one after U+D7FF is U+E000.
      cps.push(last === 0xd7ff ? 0xe000 : last + 1);
      return String.fromCodePoint(...cps);
    }
  }
  return null;
}

/** A Prisma string filter for "starts with prefix" that an ordinary btree index serves. */
export function prefixRange(prefix: string): { gte: string; lt?: string; startsWith: string } {
  const upper = prefixUpperBound(prefix);
  const { startsWith } = startsWithText(prefix);
  return upper === null ? { gte: prefix, startsWith } : { gte: prefix, lt: upper, startsWith };
}
