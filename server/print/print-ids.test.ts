import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors";
import { parsePrintIds, printPagePath, printPdfPath } from "./print.service";
import { handoverListForm } from "./forms/handover-list";
import { PRINT_BATCH_MAX } from "./print-config";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return "none";
};

describe("which records a print URL names", () => {
  const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];

  it("one id, or a batch of distinct ids in their order", () => {
    expect(parsePrintIds(a, null)).toEqual([a]);
    expect(parsePrintIds("batch", `${b},${a},${b}`)).toEqual([b, a]);
  });

  it("refuses no ids, a non-uuid and more than the batch limit", () => {
    expect(code(() => parsePrintIds("batch", null))).toBe("PRINT_NONE_SELECTED");
    expect(code(() => parsePrintIds("batch", ","))).toBe("PRINT_NONE_SELECTED");
    expect(code(() => parsePrintIds("batch", `${a},../etc`))).toBe("NOT_FOUND");
    expect(code(() => parsePrintIds("1 OR 1=1", null))).toBe("NOT_FOUND");
    const many = Array.from({ length: PRINT_BATCH_MAX + 1 }, () => crypto.randomUUID()).join(",");
    expect(code(() => parsePrintIds("batch", many))).toBe("PRINT_TOO_MANY");
  });

  it("page and PDF paths round-trip through the parser", () => {
    expect(printPdfPath(handoverListForm, [a])).toBe(`/api/print/handover/${a}`);
    expect(printPagePath(handoverListForm, [a, b])).toBe(`/print/handover/batch?ids=${a},${b}`);
  });
});
