// What a search term looks like, decided before any lookup (pure, unit-tested).

/** A document number's prefix as typed ("ts-2026-00", "JY-2026"): letters first, then digits and dashes. */
export function documentNoPrefix(q: string): string | null {
  const s = q.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  // The dash is required: "TCL" or "AB" are words to look for in titles, not number prefixes.
  return /^[A-Z]{2,4}-(\d[\d-]*)?$/.test(s) ? s : null;
}
