import { describe, expect, it } from "vitest";
import { parseCalendarImport } from "./import";

describe("parseCalendarImport", () => {
  it("reads single days, ranges, both kinds and skips comments", () => {
    const r = parseCalendarImport("# 2026 国庆\n2026-10-01~2026-10-03 放假 国庆节\n\n2026-10-10 上班 国庆节调休\n2026-09-20,workday,国庆节调休");
    expect(r).toEqual({
      ok: true,
      days: [
        { day: "2026-09-20", kind: "workday", name: "国庆节调休" },
        { day: "2026-10-01", kind: "holiday", name: "国庆节" },
        { day: "2026-10-02", kind: "holiday", name: "国庆节" },
        { day: "2026-10-03", kind: "holiday", name: "国庆节" },
        { day: "2026-10-10", kind: "workday", name: "国庆节调休" },
      ],
    });
  });
  it("names the wrong line", () => {
    expect(parseCalendarImport("2026-10-01 放假 国庆节\n2026-13-01 放假 错")).toMatchObject({ ok: false, line: 2, reason: "date" });
    expect(parseCalendarImport("2026-10-01 休息日")).toMatchObject({ ok: false, line: 1, reason: "format" });
    expect(parseCalendarImport("2026-10-01 请假 国庆")).toMatchObject({ ok: false, line: 1, reason: "kind" });
    // 调休上班 on a Thursday changes nothing: a typo.
    expect(parseCalendarImport("2026-10-08 上班 国庆节调休")).toMatchObject({ ok: false, line: 1, reason: "pointless" });
    expect(parseCalendarImport("2026-10-07~2026-10-01 放假 国庆节")).toMatchObject({ ok: false, reason: "range" });
  });
});
