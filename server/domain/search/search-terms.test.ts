import { describe, expect, it } from "vitest";
import { documentNoPrefix } from "./search-terms";

describe("documentNoPrefix", () => {
  it.each([
    ["TS-2026-0007", "TS-2026-0007"],
    ["ts-2026-00", "TS-2026-00"],
    ["jy-", "JY-"],
    [" KH-2026 ", "KH-2026"],
    ["ＪＹ－２０２６", "JY-2026"],
  ])("%s → %s", (q, expected) => {
    expect(documentNoPrefix(q)).toBe(expected);
  });

  it.each(["TCL", "ab", "3-1202", "2026-0001", "张三", "TS2026", "13812345678"])("%s is not a number prefix", (q) => {
    expect(documentNoPrefix(q)).toBeNull();
  });
});
