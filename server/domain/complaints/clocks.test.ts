import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, calendarOf, callbackDue, clockState, complaintClocks, isOverdue, progressDue, progressLapsesAt, replyDeadline, type ClockRules, type ComplaintTimes } from "./clocks";

/** A Shanghai wall-clock time as the UTC instant it is. */
const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const minutes = (m: number) => m * 60_000;
const WORKING: ClockRules = { ...DEFAULT_RULES, mode: "working" };

describe("calendar time (the default)", () => {
  it("promises a reply within two days, across a month end", () => {
    expect(replyDeadline(sh("2026-01-31 23:00"), DEFAULT_RULES)).toEqual(sh("2026-02-02 23:00"));
    expect(replyDeadline(sh("2026-12-31 16:30"), DEFAULT_RULES)).toEqual(sh("2027-01-02 16:30"));
  });

  it("wants a progress note 4 h after the last one, across midnight (Shanghai, not UTC)", () => {
    expect(progressDue(sh("2026-03-10 22:30"), DEFAULT_RULES)).toEqual(sh("2026-03-11 02:30"));
    // 06:00 Shanghai is 22:00 UTC the day before: the due time is still 10:00 Shanghai.
    expect(progressDue(sh("2026-03-11 06:00"), DEFAULT_RULES)).toEqual(sh("2026-03-11 10:00"));
  });

  it("wants the callback within 3 days of resolution, across February's end", () => {
    expect(callbackDue(sh("2026-02-27 10:00"), DEFAULT_RULES)).toEqual(sh("2026-03-02 10:00"));
    expect(callbackDue(sh("2028-02-27 10:00"), DEFAULT_RULES)).toEqual(sh("2028-03-01 10:00")); // leap year
  });

  it("follows the configured lengths", () => {
    const rules = { ...DEFAULT_RULES, progressHours: 2, replyDays: 1, callbackDays: 5 };
    expect(progressDue(sh("2026-05-01 23:30"), rules)).toEqual(sh("2026-05-02 01:30"));
    expect(replyDeadline(sh("2026-05-01 23:30"), rules)).toEqual(sh("2026-05-02 23:30"));
    expect(callbackDue(sh("2026-05-29 08:00"), rules)).toEqual(sh("2026-06-03 08:00"));
  });
});

describe("working time (a setting)", () => {
  it("counts only 09:00–18:00 on Monday to Friday", () => {
    // Friday 2026-01-30 17:00: one hour on Friday, three on Monday.
    expect(progressDue(sh("2026-01-30 17:00"), WORKING)).toEqual(sh("2026-02-02 12:00"));
    // Two working days of 9 h from Friday 17:00: Friday 1 h + Monday 9 h + Tuesday 8 h.
    expect(replyDeadline(sh("2026-01-30 17:00"), WORKING)).toEqual(sh("2026-02-03 17:00"));
  });

  it("starts a clock set outside working hours at the next working morning", () => {
    expect(progressDue(sh("2026-01-31 10:00"), WORKING)).toEqual(sh("2026-02-02 13:00")); // Saturday
    expect(progressDue(sh("2026-01-29 18:00"), WORKING)).toEqual(sh("2026-01-30 13:00")); // at closing time
    expect(progressDue(sh("2026-01-29 07:15"), WORKING)).toEqual(sh("2026-01-29 13:00")); // before opening
    expect(progressDue(sh("2026-01-29 14:00"), WORKING)).toEqual(sh("2026-01-29 18:00")); // ends at closing
  });

  it("crosses a month end and the year end", () => {
    // Thursday 2026-04-30 16:00 + 3 working days of 9 h = Tuesday 2026-05-05 16:00 (weekend skipped).
    expect(callbackDue(sh("2026-04-30 16:00"), WORKING)).toEqual(sh("2026-05-05 16:00"));
    // Thursday 2026-12-31 17:30 + 4 h: 0.5 h that day, 3.5 h on Friday 2027-01-01.
    expect(progressDue(sh("2026-12-31 17:30"), WORKING)).toEqual(sh("2027-01-01 12:30"));
  });

  it("takes a working-day calendar from outside (holidays, 调休)", () => {
    const holidays = new Set(["2027-01-01"]);
    const rules: ClockRules = { ...WORKING, isWorkingDay: (d) => !holidays.has(d) && new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0 };
    expect(progressDue(sh("2026-12-31 17:30"), rules)).toEqual(sh("2027-01-04 12:30"));
    // A 调休 Saturday counts as a working day.
    const makeUp: ClockRules = { ...WORKING, isWorkingDay: (d) => d === "2026-01-31" || new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0 };
    expect(progressDue(sh("2026-01-30 17:00"), makeUp)).toEqual(sh("2026-01-31 12:00"));
  });

  it("uses the configured window and refuses an empty one", () => {
    const rules = { ...WORKING, workdayStartMinute: 8 * 60 + 30, workdayEndMinute: 17 * 60 + 30 };
    expect(progressDue(sh("2026-01-29 16:30"), rules)).toEqual(sh("2026-01-30 11:30"));
    expect(() => calendarOf({ ...WORKING, workdayStartMinute: 600, workdayEndMinute: 600 })).toThrow(RangeError);
    expect(() => progressDue(sh("2026-01-29 16:30"), { ...WORKING, isWorkingDay: () => false })).toThrow(/ten years/);
  });
});

describe("clock state", () => {
  const start = sh("2026-03-10 08:00");
  const due = sh("2026-03-10 12:00");

  it("is late at 4 h 01 m and not at 3 h 59 m or exactly 4 h", () => {
    expect(clockState(start, due, null, new Date(start.getTime() + minutes(3 * 60 + 59))).state).toBe("dueSoon");
    expect(clockState(start, due, null, due).state).toBe("dueSoon");
    expect(clockState(start, due, null, new Date(start.getTime() + minutes(4 * 60 + 1))).state).toBe("late");
  });

  it("warns in the last quarter of the span", () => {
    expect(clockState(start, due, null, sh("2026-03-10 10:59")).state).toBe("running");
    expect(clockState(start, due, null, sh("2026-03-10 11:00")).state).toBe("dueSoon");
  });

  it("is met when done by the due time, met late after it", () => {
    expect(clockState(start, due, sh("2026-03-10 12:00"), sh("2026-03-12 00:00")).state).toBe("met");
    expect(clockState(start, due, sh("2026-03-10 12:01"), sh("2026-03-12 00:00")).state).toBe("metLate");
  });
});

describe("a complaint's clocks", () => {
  const base: ComplaintTimes = {
    status: "in_progress",
    receivedAt: sh("2026-01-31 22:00"),
    promisedReplyAt: sh("2026-02-01 18:00"),
    repliedAt: null,
    lastProgressAt: sh("2026-01-31 22:00"),
    progressDueAt: sh("2026-02-01 02:00"),
    resolvedAt: null,
    callbackDueAt: null,
    calledBackAt: null,
  };

  it("runs reply and progress while open, not the callback", () => {
    const c = complaintClocks(base, sh("2026-02-01 01:59"));
    expect([c.reply.state, c.progress.state, c.callback.state]).toEqual(["running", "dueSoon", "none"]);
    expect(isOverdue(c)).toBe(false);
    const late = complaintClocks(base, sh("2026-02-01 02:01"));
    expect(late.progress.state).toBe("late");
    expect(isOverdue(late)).toBe(true);
  });

  it("keeps the promise: replying after the promised time is met late, never met", () => {
    expect(complaintClocks({ ...base, repliedAt: sh("2026-02-01 17:59") }, sh("2026-02-05 00:00")).reply.state).toBe("met");
    expect(complaintClocks({ ...base, repliedAt: sh("2026-02-01 18:01") }, sh("2026-02-05 00:00")).reply.state).toBe("metLate");
    expect(complaintClocks(base, sh("2026-02-01 18:01")).reply.state).toBe("late");
  });

  it("stops the progress clock at resolution and starts the callback clock", () => {
    const resolved: ComplaintTimes = { ...base, status: "resolved", repliedAt: sh("2026-02-01 10:00"), resolvedAt: sh("2026-02-01 10:00"), callbackDueAt: sh("2026-02-04 10:00") };
    const c = complaintClocks(resolved, sh("2026-02-04 10:01"));
    expect([c.progress.state, c.callback.state]).toEqual(["none", "late"]);
    const called = complaintClocks({ ...resolved, status: "called_back", calledBackAt: sh("2026-02-03 09:00") }, sh("2026-02-10 00:00"));
    expect(called.callback.state).toBe("met");
    expect(isOverdue(called)).toBe(false);
  });
});

describe("进展超时次数", () => {
  const due = new Date("2026-03-02T04:00:00Z");
  const clock = (now: string) => clockState(new Date("2026-03-02T00:00:00Z"), due, null, new Date(now));
  it("adds the lapse running now to the recorded ones, once however late", () => {
    expect(progressLapsesAt(0, clock("2026-03-02T03:00:00Z"))).toBe(0);
    expect(progressLapsesAt(0, clock("2026-03-02T04:00:00Z"))).toBe(0); // late only strictly after due
    expect(progressLapsesAt(0, clock("2026-03-02T04:00:01Z"))).toBe(1);
    expect(progressLapsesAt(0, clock("2026-12-01T00:00:00Z"))).toBe(1);
    expect(progressLapsesAt(2, clock("2026-12-01T00:00:00Z"))).toBe(3);
    expect(progressLapsesAt(2, { state: "none", due: null, doneAt: null })).toBe(2);
  });
});
