import { describe, expect, it } from "vitest";
import { prefixRange, prefixUpperBound } from "./prefix-range";

describe("prefixUpperBound", () => {
  it("increments the last code point", () => {
    expect(prefixUpperBound("王")).toBe("玌");
    expect(prefixUpperBound("KH-2026-0")).toBe("KH-2026-1");
    expect(prefixUpperBound("王小")).toBe("王尐");
  });

  it("steps over the surrogate block and carries past U+10FFFF", () => {
    expect(prefixUpperBound("a\u{D7FF}")).toBe("a\u{E000}");
    expect(prefixUpperBound("a\u{FFFF}")).toBe("a\u{10000}");
    expect(prefixUpperBound("a\u{10FFFF}")).toBe("b");
    expect(prefixUpperBound("\u{10FFFF}\u{10FFFF}")).toBeNull();
  });

  it("bounds exactly the strings that start with the prefix (code-point order)", () => {
    const cmp = (a: string, b: string) => {
      const x = [...a].map((c) => c.codePointAt(0)!), y = [...b].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    const words = ["王", "王小明", "王\u{10FFFF}", "玌", "玌一", "玉", "狂", "王\u{D7FF}", "ab", "a\u{10FFFF}z", "b"];
    for (const p of ["王", "a\u{10FFFF}", "a"]) {
      const upper = prefixUpperBound(p)!;
      for (const w of words) expect(cmp(w, p) >= 0 && cmp(w, upper) < 0).toBe(w.startsWith(p));
    }
  });

  it("keeps the LIKE beside the range and drops the bound when there is none", () => {
    expect(prefixRange("王")).toEqual({ gte: "王", lt: "玌", startsWith: "王" });
    expect(prefixRange("\u{10FFFF}")).toEqual({ gte: "\u{10FFFF}", startsWith: "\u{10FFFF}" });
    // The range takes the prefix as it is; only the LIKE needs its wildcards escaped.
    expect(prefixRange("A_1")).toEqual({ gte: "A_1", lt: "A_2", startsWith: "A\\_1" });
  });
});
