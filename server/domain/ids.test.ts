import { describe, expect, it } from "vitest";
import { isId } from "./ids";

describe("isId", () => {
  it("takes the uuids the portal issues", () => {
    expect(isId("5d155c74-f14b-4030-8962-6ebbb1501b45")).toBe(true);
    expect(isId(crypto.randomUUID())).toBe(true);
  });
  it("refuses what only names nothing: malformed, too long, NUL, SQL-ish, md5 digests", () => {
    for (const bad of ["not-a-uuid", "", "a".repeat(300), "\u0000", "5d155c74-f14b-4030-8962-6ebbb1501b4\u0000", "1' OR '1'='1", "d41d8cd9-8f00-b204-e980-0998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e", " 5d155c74-f14b-4030-8962-6ebbb1501b45"]) {
      expect(isId(bad), JSON.stringify(bad)).toBe(false);
    }
    expect(isId(42)).toBe(false);
    expect(isId(undefined)).toBe(false);
  });
});
