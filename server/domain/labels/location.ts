// A box is a complete location 柜-架-盒; the code is what records.select's locationOf shows for a
// record in it, so a record's location and its box's code read the same everywhere.

export type BoxLocation = { cabinet: string; shelf: string; box: string };

export function boxCode(loc: BoxLocation): string {
  return `${loc.cabinet}-${loc.shelf}-${loc.box}`;
}

/** The record's box, or null when its location is partial (a cabinet only, no box …). */
export function boxOfRecord(r: { cabinet: string | null; shelf: string | null; box: string | null }): BoxLocation | null {
  const cabinet = r.cabinet?.trim();
  const shelf = r.shelf?.trim();
  const box = r.box?.trim();
  return cabinet && shelf && box ? { cabinet, shelf, box } : null;
}
