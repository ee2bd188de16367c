import { describe, expect, it } from "vitest";
import { ZCreateArchiveClass, ZCreateArchiveRecord, ZCreateChecklistItem, retentionChoiceOf, retentionYearsOf } from "./archive.schema";

const record = { classId: "6f1c2d2e-8c1a-4f3e-9a55-0d6b1f0e2a11", title: "会议记录", formedOn: "2026-02-28", retention: "class", confidentiality: "internal" };

describe("ZCreateArchiveRecord", () => {
  it("accepts a plain record and defaults conditions and paper items to empty", () => {
    expect(ZCreateArchiveRecord.parse(record)).toMatchObject({ conditions: [], paperItems: [] });
  });
  it("refuses a day that does not exist", () => {
    const r = ZCreateArchiveRecord.safeParse({ ...record, formedOn: "2026-02-30" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("date");
  });
  it("asks for the years of a custom retention", () => {
    const r = ZCreateArchiveRecord.safeParse({ ...record, retention: "custom" });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["customYears", "retentionYears"]]);
  });
  it("refuses the same paper item twice and negative counts", () => {
    expect(ZCreateArchiveRecord.safeParse({ ...record, paperItems: [{ name: "认购书", count: 1 }, { name: "认购书", count: 2 }] }).error?.issues[0]?.message).toBe("duplicateItem");
    expect(ZCreateArchiveRecord.safeParse({ ...record, paperItems: [{ name: "认购书", count: -1 }] }).error?.issues[0]?.message).toBe("count");
  });
  it("takes no individual/company flag from the form: those come from the client", () => {
    expect(ZCreateArchiveRecord.safeParse({ ...record, conditions: ["company"] }).success).toBe(false);
  });
});

describe("classes", () => {
  it("upper-cases the code and allows letters only", () => {
    expect(ZCreateArchiveClass.parse({ code: " kh ", name: "客户信息档案", retention: "permanent", isClientFile: true }).code).toBe("KH");
    expect(ZCreateArchiveClass.safeParse({ code: "K-1", name: "x", retention: "10", isClientFile: false }).error?.issues[0]?.message).toBe("classCode");
  });
  it("reads an empty condition as 'every file'", () => {
    expect(ZCreateChecklistItem.parse({ classId: record.classId, name: "发票复印件", requiredCount: "1", condition: "" }).condition).toBeNull();
  });
  it("maps retention choices to years and back", () => {
    expect(retentionYearsOf({ retention: "permanent" })).toBeNull();
    expect(retentionYearsOf({ retention: "30" })).toBe(30);
    expect(retentionYearsOf({ retention: "custom", customYears: 15 })).toBe(15);
    for (const y of [null, 10, 30, 15]) expect(retentionYearsOf(retentionChoiceOf(y))).toBe(y);
  });
});
