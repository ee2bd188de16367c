import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeNextPath("/complaints/12?tab=log#end")).toBe("/complaints/12?tab=log#end");
    expect(safeNextPath("/")).toBe("/");
  });
  it.each([
    "//evil.example/x", "/\\evil.example/y", "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example",
    "/\t/evil.example", "/\n/evil.example", "\t//evil.example", "javascript:alert(1)", "https://evil.example/",
    "http:evil.example", "evil.example", "", " /x", "/\\/evil.example", "///evil.example",
  ])("refuses %j", (v) => {
    expect(safeNextPath(v)).toBe("/");
  });
  it("refuses non-strings", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(["/x"])).toBe("/");
  });
});
