// Chinese substring search that stays fast: trigrams cannot serve the 1–2 character terms most
// Chinese names and words are (STACK.md), so each record keeps its text's 1- and 2-character
// grams in a GIN-indexed array; a query asks for records holding all of the query's grams, then
// confirms the substring with LIKE.

export function normaliseSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Distinct 1- and 2-character grams of the text (whitespace not included). */
export function searchGrams(text: string): string[] {
  const chars = [...normaliseSearch(text)];
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!;
    if (a === " ") continue;
    grams.add(a);
    const b = chars[i + 1];
    if (b && b !== " ") grams.add(a + b);
  }
  return [...grams];
}

/**
 * The grams a query must match: its bigrams (a record holding every bigram of the query is a
 * candidate), or the single character for a one-character query.
 */
export function queryGrams(query: string): string[] {
  const q = normaliseSearch(query);
  const chars = [...q].filter((c) => c !== " ");
  if (chars.length === 0) return [];
  if (chars.length === 1) return chars;
  return searchGrams(q).filter((g) => [...g].length === 2);
}
