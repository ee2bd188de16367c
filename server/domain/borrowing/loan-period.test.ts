import { describe, expect, it } from "vitest";
import { addCalendarDays, checkDueOn, daysOverdue, defaultDueOn, isDueSoon, isOverdue } from "./loan-period";

const rules = { defaultLoanDays: 7, maxLoanDays: 30, remindDaysBefore: 1 };
// 2026-11-30 23:30 in Shanghai is 15:30 UTC the same day; 00:30 on 12-01 is 16:30 UTC on 11-30.
const lateEvening = new Date("2026-11-30T15:30:00Z");
const justAfterMidnight = new Date("2026-11-30T16:30:00Z");

describe("loan periods", () => {
  it("counts calendar days across month and year ends", () => {
    expect(addCalendarDays("2026-11-28", 7)).toBe("2026-12-05");
    expect(addCalendarDays("2026-12-29", 3)).toBe("2027-01-01");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("proposes today + the default period, today being the Shanghai day", () => {
    expect(defaultDueOn(lateEvening, rules)).toBe("2026-12-07");
    expect(defaultDueOn(justAfterMidnight, rules)).toBe("2026-12-08");
  });

  it("accepts today up to the maximum period, and refuses the past and beyond it", () => {
    expect(checkDueOn("2026-11-30", lateEvening, rules)).toEqual({ ok: true });
    expect(checkDueOn("2026-12-30", lateEvening, rules)).toEqual({ ok: true });
    expect(checkDueOn("2026-12-31", lateEvening, rules)).toEqual({ ok: false, code: "BORROW_DUE_TOO_LATE", latest: "2026-12-30", maxDays: 30 });
    expect(checkDueOn("2026-11-29", lateEvening, rules)).toEqual({ ok: false, code: "BORROW_DUE_IN_PAST" });
    // After Shanghai midnight "today" is 12-01, although it is still 11-30 in UTC.
    expect(checkDueOn("2026-11-30", justAfterMidnight, rules)).toEqual({ ok: false, code: "BORROW_DUE_IN_PAST" });
  });

  it("is overdue from the day after the due day, in Shanghai", () => {
    expect(isOverdue("2026-11-30", lateEvening)).toBe(false);
    expect(isOverdue("2026-11-30", justAfterMidnight)).toBe(true);
    expect(daysOverdue("2026-11-30", justAfterMidnight)).toBe(1);
    expect(daysOverdue("2026-11-20", justAfterMidnight)).toBe(11);
    expect(daysOverdue("2026-12-20", justAfterMidnight)).toBe(0);
  });

  it("reminds within the lead time before the due day, not after it", () => {
    expect(isDueSoon("2026-12-01", lateEvening, rules)).toBe(true);
    expect(isDueSoon("2026-12-02", lateEvening, rules)).toBe(false);
    expect(isDueSoon("2026-11-30", lateEvening, rules)).toBe(true);
    expect(isDueSoon("2026-11-29", lateEvening, rules)).toBe(false);
    expect(isDueSoon("2026-12-05", lateEvening, { remindDaysBefore: 0 })).toBe(false);
  });
});
