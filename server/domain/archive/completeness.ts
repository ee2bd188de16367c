// 档案完整性 (004 第七条; DOMAIN §1): a client file is checked against its class's checklist.
// Pure: the caller reads the checklist, the buyer kind and the paper items; nothing here touches
// the database, so the list page can compute hundreds of files from two bulk queries.

export type Condition = "individual" | "company" | "out_of_town" | "minor" | "co_owner" | "contract_changed";
export type BuyerKind = "individual" | "company";

export type ChecklistEntry = { name: string; requiredCount: number; condition: Condition | null };
export type PaperCount = { name: string; count: number };

export type ItemState = "present" | "short" | "missing";
export type CheckedItem = { name: string; requiredCount: number; count: number; condition: Condition | null; state: ItemState };

export type Completeness = {
  items: CheckedItem[];
  /** Applicable items that are missing or short, in checklist order. */
  missing: CheckedItem[];
  /** Paper items that are not on the checklist (kept, but not counted). */
  extra: PaperCount[];
  present: number;
  applicable: number;
  /** floor(100 × present ÷ applicable): 100 only when every applicable item is there in full. */
  percent: number;
};

/**
 * Which checklist items apply to a file.
 * - no condition: every file;
 * - individual / company: only when the file's client is of that kind. When the buyer kind is
 *   unknown (no client linked yet) neither list applies: we cannot tell which one the file owes,
 *   and counting both would call every file incomplete. The record page says the client is missing.
 * - out_of_town, minor, co_owner, contract_changed: only when the file carries that flag.
 */
export function isApplicable(condition: Condition | null, buyerKind: BuyerKind | null, flags: readonly Condition[]): boolean {
  if (condition === null) return true;
  if (condition === "individual" || condition === "company") return buyerKind === condition;
  return flags.includes(condition);
}

export function applicableItems<T extends { condition: Condition | null }>(checklist: readonly T[], buyerKind: BuyerKind | null, flags: readonly Condition[]): T[] {
  return checklist.filter((c) => isApplicable(c.condition, buyerKind, flags));
}

export function checkCompleteness(
  checklist: readonly ChecklistEntry[],
  buyerKind: BuyerKind | null,
  flags: readonly Condition[],
  paperItems: readonly PaperCount[],
): Completeness {
  // Names are compared after trimming; a paper item listed twice counts once per line (summed).
  const counts = new Map<string, number>();
  for (const p of paperItems) counts.set(p.name.trim(), (counts.get(p.name.trim()) ?? 0) + p.count);
  const applicable = applicableItems(checklist, buyerKind, flags);
  const items: CheckedItem[] = applicable.map((c) => {
    const count = counts.get(c.name.trim()) ?? 0;
    const state: ItemState = count >= c.requiredCount ? "present" : count > 0 ? "short" : "missing";
    return { name: c.name, requiredCount: c.requiredCount, count, condition: c.condition, state };
  });
  const onList = new Set(checklist.map((c) => c.name.trim()));
  const extra = [...counts].filter(([name]) => !onList.has(name)).map(([name, count]) => ({ name, count }));
  const present = items.filter((i) => i.state === "present").length;
  const percent = items.length === 0 ? 100 : Math.floor((present * 100) / items.length);
  return { items, missing: items.filter((i) => i.state !== "present"), extra, present, applicable: items.length, percent };
}
