// A small in-process cache for values every page reads (the sidebar badges): each key's value
// is kept for `ttlMs`, and while it is being computed every caller shares the one promise, so
// 50 concurrent requests of one user make one round of queries. Bounded: past `maxEntries` the
// oldest entries are dropped (a Map iterates in insertion order). A failed computation is not
// kept. Staleness is bounded by the TTL only: nothing invalidates an entry on write.

export type TtlCache<V> = {
  get(key: string, compute: () => Promise<V>): Promise<V>;
  clear(): void;
  readonly size: number;
};

export function createTtlCache<V>(opts: { ttlMs: number; maxEntries: number; now?: () => number }): TtlCache<V> {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { expires: number; value: Promise<V> }>();
  return {
    get(key, compute) {
      const t = now();
      const hit = entries.get(key);
      if (hit && hit.expires > t) return hit.value;
      entries.delete(key);
      const value = compute();
      const entry = { expires: t + opts.ttlMs, value };
      entries.set(key, entry);
      // Only this entry: a newer one set meanwhile for the same key stays.
      value.catch(() => entries.get(key) === entry && entries.delete(key));
      while (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
