import { describe, expect, it } from "vitest";
import { createTtlCache } from "./ttl-cache";

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createTtlCache", () => {
  it("computes once per key while fresh and shares the promise in flight", async () => {
    const c = clock();
    const cache = createTtlCache<number>({ ttlMs: 5_000, maxEntries: 10, now: c.now });
    let calls = 0;
    let release!: (v: number) => void;
    const compute = () => ((calls += 1), new Promise<number>((r) => (release = r)));
    const all = Promise.all(Array.from({ length: 50 }, () => cache.get("u1", compute)));
    release(7);
    expect(await all).toEqual(Array(50).fill(7));
    expect(calls).toBe(1);
    c.advance(4_999);
    expect(await cache.get("u1", async () => 8)).toBe(7);
    c.advance(1);
    expect(await cache.get("u1", async () => 8)).toBe(8);
  });

  it("keeps keys apart and stays within its bound, dropping the oldest", async () => {
    const cache = createTtlCache<string>({ ttlMs: 5_000, maxEntries: 2, now: clock().now });
    await cache.get("a", async () => "A");
    await cache.get("b", async () => "B");
    await cache.get("c", async () => "C");
    expect(cache.size).toBe(2);
    expect(await cache.get("b", async () => "b2")).toBe("B");
    expect(await cache.get("a", async () => "a2")).toBe("a2");
  });

  it("does not keep a failure", async () => {
    const cache = createTtlCache<number>({ ttlMs: 5_000, maxEntries: 10, now: clock().now });
    await expect(cache.get("k", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cache.get("k", async () => 3)).toBe(3);
  });
});
