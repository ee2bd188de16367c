import { describe, expect, it } from "vitest";
import { isCalendarDay, ZDay } from "./calendar-day";
import { ZSearchRecords } from "./archive/search.schema";
import { ZShanghaiDateTime } from "./complaints/complaints.schema";

describe("calendar days", () => {
  it.each(["2026-13-45", "2026-02-29", "2026-04-31", "2026-00-10", "2026-1-5", "2026-01-01x", ""])("refuses %j", (v) => {
    expect(isCalendarDay(v)).toBe(false);
    expect(ZDay.safeParse(v).error?.issues[0]?.message).toBe("date");
  });
  it.each(["2026-01-31", "2024-02-29", "2026-12-31"])("accepts %j", (v) => expect(ZDay.parse(v)).toBe(v));

  it("the archive search refuses an impossible formedFrom with the date message", () => {
    const r = ZSearchRecords.safeParse({ formedFrom: "2026-13-45" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["formedFrom", "date"]);
  });

  it("a wall-clock time on a day that does not exist is refused", () => {
    expect(ZShanghaiDateTime.safeParse("2026-02-30 10:00").success).toBe(false);
    expect(ZShanghaiDateTime.safeParse("2026-03-02 24:10").success).toBe(false);
    expect(ZShanghaiDateTime.parse("2026-03-02T10:00")).toBe("2026-03-02T10:00");
  });
});
