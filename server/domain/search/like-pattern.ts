// Substring and prefix filters with the user's text taken literally. Prisma's `contains` and
// `startsWith` put the value into a LIKE pattern as it is, so `%` and `_` in what someone typed
// are wildcards there (a filter for "50%" matched every "50…", "A_1" matched "AB1"). PostgreSQL's
// LIKE escapes with a backslash by default (Prisma adds no ESCAPE clause), so the three special
// characters get one in front.

/** `value` with LIKE's wildcards and its escape character escaped, for a pattern that means it literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

/** Prisma string filter: the column holds `value` as typed (case-sensitive). */
export function containsText(value: string): { contains: string } {
  return { contains: escapeLike(value) };
}

/** Prisma string filter: the column holds `value` as typed, in any letter case (ILIKE). */
export function containsTextInsensitive(value: string): { contains: string; mode: "insensitive" } {
  return { contains: escapeLike(value), mode: "insensitive" };
}

/** Prisma string filter: the column starts with `value` as typed. */
export function startsWithText(value: string): { startsWith: string } {
  return { startsWith: escapeLike(value) };
}

/** A raw-SQL LIKE pattern (`col LIKE ${pattern}`) for "holds `value` as typed". */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}
