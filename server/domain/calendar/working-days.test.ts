import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, progressDue, replyDeadline, type ClockRules } from "../complaints/clocks";
import { OFFICIAL_2026, PROVISIONAL_2027 } from "./official";
import { addWorkingDays, addWorkingHours, exceptionsOf, isHoliday, isWorkingDay, nextWorkingDayOnOrAfter, workingDayPredicate } from "./working-days";

const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const CAL = exceptionsOf(OFFICIAL_2026);
const NONE = exceptionsOf([]);
const WINDOW = { workdayStartMinute: 9 * 60, workdayEndMinute: 18 * 60 };

describe("isWorkingDay", () => {
  it("works Monday to Friday and rests at weekends without exceptions", () => {
    expect(isWorkingDay("2026-03-13", NONE)).toBe(true); // Friday
    expect(isWorkingDay("2026-03-14", NONE)).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-15", NONE)).toBe(false); // Sunday
  });
  it("rests on a 放假 weekday and works on a 调休 weekend", () => {
    expect(isWorkingDay("2026-10-01", CAL)).toBe(false); // Thursday, 国庆
    expect(isHoliday("2026-10-01", CAL)).toBe(true);
    expect(isWorkingDay("2026-10-10", CAL)).toBe(true); // Saturday, 国庆调休
    expect(isWorkingDay("2026-09-20", CAL)).toBe(true); // Sunday, 国庆调休
    expect(isHoliday("2026-10-11", CAL)).toBe(false); // an ordinary Sunday is no holiday
    expect(isWorkingDay("2026-10-11", CAL)).toBe(false);
  });
  it("seeds the 2026 arrangement: 33 days off, 6 make-up days; 2027 the 13 statutory days only", () => {
    expect(OFFICIAL_2026.filter((e) => e.kind === "holiday")).toHaveLength(33);
    expect(OFFICIAL_2026.filter((e) => e.kind === "workday").map((e) => e.day)).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    expect(PROVISIONAL_2027.filter((e) => e.kind === "holiday")).toHaveLength(13);
    for (const e of OFFICIAL_2026.filter((x) => x.kind === "workday")) expect([0, 6]).toContain(new Date(`${e.day}T00:00:00Z`).getUTCDay());
  });
});

describe("addWorkingDays", () => {
  it("crosses the 国庆 holiday and counts the 调休 Saturday", () => {
    // Wednesday 30 Sep + 1 working day: 1–7 Oct are off, Thursday 8 Oct.
    expect(addWorkingDays("2026-09-30", 1, CAL)).toBe("2026-10-08");
    // + 3: Thu 8, Fri 9, Sat 10 (调休上班).
    expect(addWorkingDays("2026-09-30", 3, CAL)).toBe("2026-10-10");
    // + 4: Sunday 11 is off again → Monday 12.
    expect(addWorkingDays("2026-09-30", 4, CAL)).toBe("2026-10-12");
    // Without the calendar the same count lands inside the holiday.
    expect(addWorkingDays("2026-09-30", 1, NONE)).toBe("2026-10-01");
  });
  it("counts the 调休 Sunday before the holiday", () => {
    // Friday 18 Sep + 1: Sunday 20 Sep is a working day.
    expect(addWorkingDays("2026-09-18", 1, CAL)).toBe("2026-09-20");
  });
  it("keeps the day for 0 and refuses a negative count", () => {
    expect(addWorkingDays("2026-10-03", 0, CAL)).toBe("2026-10-03");
    expect(() => addWorkingDays("2026-10-03", -1, CAL)).toThrow(RangeError);
  });
  it("moves a due day off a holiday to the next working day", () => {
    expect(nextWorkingDayOnOrAfter("2026-10-03", CAL)).toBe("2026-10-08");
    expect(nextWorkingDayOnOrAfter("2026-02-15", CAL)).toBe("2026-02-24");
    expect(nextWorkingDayOnOrAfter("2026-10-09", CAL)).toBe("2026-10-09");
  });
});

describe("addWorkingHours and the complaint clocks in working mode", () => {
  it("adds hours across the holiday into the 调休 Saturday", () => {
    // Wednesday 30 Sep 16:00 + 4 h: 2 h that day, then Thursday 8 Oct 09:00 + 2 h.
    expect(addWorkingHours(sh("2026-09-30 16:00"), 4, CAL, WINDOW)).toEqual(sh("2026-10-08 11:00"));
    // Friday 9 Oct 17:00 + 4 h: 1 h Friday, 3 h on Saturday 10 Oct (调休).
    expect(addWorkingHours(sh("2026-10-09 17:00"), 4, CAL, WINDOW)).toEqual(sh("2026-10-10 12:00"));
  });
  it("the 2-day reply clock crosses the 国庆 holiday", () => {
    const rules: ClockRules = { ...DEFAULT_RULES, mode: "working", isWorkingDay: workingDayPredicate(CAL) };
    // Received Wednesday 30 Sep 14:00: 4 h that day + 9 h Thu 8 Oct + 5 h Fri 9 Oct.
    expect(replyDeadline(sh("2026-09-30 14:00"), rules)).toEqual(sh("2026-10-09 14:00"));
    // Received on the holiday itself: the clock starts on the first working day.
    expect(replyDeadline(sh("2026-10-02 10:00"), rules)).toEqual(sh("2026-10-09 18:00"));
    // Received Friday 9 Oct 14:00: 4 h Fri, 9 h Sat 10 Oct (调休), 5 h Mon 12 Oct.
    expect(replyDeadline(sh("2026-10-09 14:00"), rules)).toEqual(sh("2026-10-12 14:00"));
    expect(progressDue(sh("2026-09-30 17:30"), rules)).toEqual(sh("2026-10-08 12:30"));
  });
  it("calendar mode ignores the holiday", () => {
    const rules: ClockRules = { ...DEFAULT_RULES, isWorkingDay: workingDayPredicate(CAL) };
    expect(replyDeadline(sh("2026-09-30 14:00"), rules)).toEqual(sh("2026-10-02 14:00"));
  });
});
