import { describe, expect, it } from "vitest";
import { containsPattern, containsText, containsTextInsensitive, escapeLike, startsWithText } from "./like-pattern";

/** What PostgreSQL's LIKE does with a pattern (backslash escape), to check the escaped value round-trips. */
function like(text: string, pattern: string): boolean {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") re += (pattern[++i] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (c === "%") re += "[\\s\\S]*";
    else if (c === "_") re += "[\\s\\S]";
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "u").test(text);
}

describe("escapeLike", () => {
  it("escapes %, _ and the backslash, and nothing else", () => {
    expect(escapeLike("50%")).toBe("50\\%");
    expect(escapeLike("A_1")).toBe("A\\_1");
    expect(escapeLike("C:\\docs")).toBe("C:\\\\docs");
    expect(escapeLike("买卖合同 KH-2026")).toBe("买卖合同 KH-2026");
    expect(escapeLike("")).toBe("");
  });

  it("makes the wildcards literal: 50% no longer matches 500, A_1 no longer matches AB1", () => {
    expect(like("折扣500元", containsPattern("50%"))).toBe(false);
    expect(like("折扣50%", containsPattern("50%"))).toBe(true);
    expect(like("AB1", containsPattern("A_1"))).toBe(false);
    expect(like("档号A_1号", containsPattern("A_1"))).toBe(true);
    expect(like("C:\\docs", containsPattern("C:\\docs"))).toBe(true);
    expect(like("C:xdocs", containsPattern("C:\\docs"))).toBe(false);
  });

  it("unescaped, the same patterns matched too much (what the helper fixes)", () => {
    expect(like("折扣500元", "%50%%")).toBe(true);
    expect(like("AB1", "%A_1%")).toBe(true);
  });
});

describe("Prisma filters", () => {
  it("carry the escaped value", () => {
    expect(containsText("5_%")).toEqual({ contains: "5\\_\\%" });
    expect(containsTextInsensitive("a_b")).toEqual({ contains: "a\\_b", mode: "insensitive" });
    expect(startsWithText("JY-2026_")).toEqual({ startsWith: "JY-2026\\_" });
  });
});
