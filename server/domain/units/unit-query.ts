// How people write a unit in the search box: "3-1202", "3号楼1202", "3栋1202室", "华景园3栋1202",
// "华景园 1202", or just "1202". Pure, so the forms people really type are unit-tested.

export type UnitQuery = {
  /** Part of the project's name or its code (e.g. "华景园", "HJY"); null when not given. */
  project: string | null;
  /** The building as written without its suffix: "3" for "3栋", "3号楼", "3幢", "3座"; null when not given. */
  building: string | null;
  /** Unit numbers to look for: as typed, and zero-padded to four digits ("101" → "0101", as the portal numbers floors below 10). */
  numbers: string[];
};

const BUILDING_SUFFIX = "(?:号楼|栋|幢|座|号|楼)";
const SEPARATOR = "(?:-|—|–|/|#)";
const UNIT_SUFFIX = "(?:室|房|号)?";
const UNIT = "([0-9]{3,5}|[a-z][0-9]{2,5})";
const WITH_BUILDING = new RegExp(`^(.*?)(\\s*)([0-9a-z]{1,4})\\s*(?:${BUILDING_SUFFIX}\\s*${SEPARATOR}?|${SEPARATOR})\\s*${UNIT}${UNIT_SUFFIX}$`);
const UNIT_ONLY = new RegExp(`^(.*?)(\\s*)${UNIT}${UNIT_SUFFIX}$`);

function unitNumbers(raw: string): string[] {
  const n = raw.toUpperCase();
  return /^\d{3}$/.test(n) ? [n, n.padStart(4, "0")] : [n];
}

function projectPart(raw: string): string | null {
  const p = raw.trim().replace(/[\s,，、]+$/, "");
  return p.length > 0 ? p : null;
}

/** What precedes the building/unit ends a word: a space, a Chinese character, or nothing. */
function startsWord(before: string, space: string): boolean {
  return space.length > 0 || !/[0-9a-z-]$/.test(before);
}

/** The unit the text names, or null when it does not look like a unit at all. */
export function parseUnitQuery(text: string): UnitQuery | null {
  const q = text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  if (!q) return null;
  // The building or unit must start a word: "JY-2026-0001" is a slip number, not 2026栋0001.
  const b = WITH_BUILDING.exec(q);
  if (b && startsWord(b[1]!, b[2]!)) return { project: projectPart(b[1]!), building: b[3]!.toUpperCase(), numbers: unitNumbers(b[4]!) };
  const u = UNIT_ONLY.exec(q);
  if (u && startsWord(u[1]!, u[2]!)) return { project: projectPart(u[1]!), building: null, numbers: unitNumbers(u[3]!) };
  return null;
}

/** The names a building "3" may carry in the portal ("3", "3栋", "3号楼" …), for an exact-match lookup. */
export function buildingNameVariants(building: string): string[] {
  return [building, ...["栋", "号楼", "幢", "座", "号"].map((s) => `${building}${s}`)];
}
