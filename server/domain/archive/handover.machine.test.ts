import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { assertChecking, assertSignable, checkedLine, fileGroups, summarise, type FilingLine } from "./handover.machine";

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : "not a DomainError";
  }
}

describe("checking a line", () => {
  it("已收到 takes the expected count; a different count is refused (it is 有误)", () => {
    expect(checkedLine({ expectedCount: 2 }, { check: "received" })).toEqual({ check: "received", receivedCount: 2, remark: null });
    expect(checkedLine({ expectedCount: 2 }, { check: "received", receivedCount: 2, remark: " ok " })).toEqual({ check: "received", receivedCount: 2, remark: "ok" });
    expect(codeOf(() => checkedLine({ expectedCount: 2 }, { check: "received", receivedCount: 1 }))).toBe("HANDOVER_RECEIVED_COUNT");
  });
  it("缺失 means nothing arrived", () => {
    expect(checkedLine({ expectedCount: 3 }, { check: "missing", receivedCount: 3 })).toEqual({ check: "missing", receivedCount: 0, remark: null });
  });
  it("有误 keeps the counted number, defaulting to the expected one", () => {
    expect(checkedLine({ expectedCount: 3 }, { check: "wrong", receivedCount: 1, remark: "缺骑缝章" })).toEqual({ check: "wrong", receivedCount: 1, remark: "缺骑缝章" });
    expect(checkedLine({ expectedCount: 3 }, { check: "wrong", remark: "未备案" }).receivedCount).toBe(3);
  });
});

describe("batch states", () => {
  const checking = { status: "checking" as const, batchNo: "YJ-2026-0001" };
  const signed = { status: "signed" as const, batchNo: "YJ-2026-0001" };
  it("lines change only while 核对中", () => {
    expect(codeOf(() => assertChecking(checking))).toBeNull();
    expect(codeOf(() => assertChecking(signed))).toBe("HANDOVER_SIGNED");
  });
  it("signing needs every line checked; missing and wrong lines do not block it", () => {
    const s = summarise([{ check: "received" }, { check: "missing" }, { check: "wrong" }]);
    expect(s).toEqual({ lines: 3, pending: 0, received: 1, missing: 1, wrong: 1 });
    expect(codeOf(() => assertSignable(checking, s))).toBeNull();
    const p = summarise([{ check: "received" }, { check: "pending" }, { check: "pending" }]);
    expect(codeOf(() => assertSignable(checking, p))).toBe("HANDOVER_PENDING_LINES");
  });
  it("a signed batch cannot be signed again", () => {
    expect(codeOf(() => assertSignable(signed, summarise([{ check: "received" }])))).toBe("HANDOVER_SIGNED");
  });
});

describe("client files made from the signed list", () => {
  const line = (lineNo: number, unitId: string, clientName: string, documentName: string, check: FilingLine["check"], receivedCount: number | null, remark: string | null = null): FilingLine => ({
    lineNo,
    unitId,
    clientName,
    clientId: null,
    documentName,
    receivedCount,
    check,
    remark,
  });
  it("one file per unit and client; received and wrong documents are paper items, missing ones are not", () => {
    const groups = fileGroups([
      line(1, "u1", "张三", "认购书", "received", 1),
      line(2, "u1", "张三", "身份证复印件", "missing", 0),
      line(3, "u1", "张三", "商品房买卖合同", "wrong", 1, "缺副本"),
      line(4, "u2", "李四", "认购书", "received", 1),
      line(5, "u1", "王五", "认购书", "received", 1),
    ]);
    expect(groups.map((g) => [g.unitId, g.clientName])).toEqual([
      ["u1", "张三"],
      ["u2", "李四"],
      ["u1", "王五"],
    ]);
    expect(groups[0]!.paperItems).toEqual([
      { name: "认购书", count: 1, remark: null },
      { name: "商品房买卖合同", count: 1, remark: "有误：缺副本" },
    ]);
  });
  it("the same document twice in one file is one paper item with the counts added", () => {
    const [g] = fileGroups([line(1, "u1", "张三", "发票复印件", "received", 2), line(2, "u1", "张三", "发票复印件", "received", 1)]);
    expect(g!.paperItems).toEqual([{ name: "发票复印件", count: 3, remark: null }]);
  });
  it("a file of which nothing arrived is not created", () => {
    expect(fileGroups([line(1, "u1", "张三", "认购书", "missing", 0), line(2, "u1", "张三", "合同", "wrong", 0, "未收到原件")])).toEqual([]);
  });
});
