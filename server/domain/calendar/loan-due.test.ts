import { describe, expect, it } from "vitest";
import { defaultDueOn, latestDueOn, settleDueOn, type LoanRules } from "../borrowing/loan-period";
import { OFFICIAL_2026 } from "./official";
import { exceptionsOf } from "./working-days";

const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const exceptions = exceptionsOf(OFFICIAL_2026);
const BASE: LoanRules = { defaultLoanDays: 3, maxLoanDays: 10, remindDaysBefore: 1 };

describe("loan due days on the calendar", () => {
  it("counts calendar days by default (as before), but moves a due day off a 放假 day", () => {
    // Monday 28 Sep + 3 calendar days = Thursday 1 Oct (国庆) → Thursday 8 Oct.
    expect(defaultDueOn(sh("2026-09-28 10:00"), { ...BASE, exceptions })).toBe("2026-10-08");
    // Without the calendar: unchanged behaviour.
    expect(defaultDueOn(sh("2026-09-28 10:00"), BASE)).toBe("2026-10-01");
    // An ordinary Saturday stays when the period counts calendar days.
    expect(settleDueOn("2026-10-17", { exceptions })).toEqual({ dueOn: "2026-10-17", movedFrom: null });
  });
  it("counts working days when the settings say so: across 国庆, into the 调休 Saturday", () => {
    const rules = { ...BASE, countWorkingDays: true, exceptions };
    // Wednesday 30 Sep + 3 working days: Thu 8, Fri 9, Sat 10 (调休上班).
    expect(defaultDueOn(sh("2026-09-30 10:00"), rules)).toBe("2026-10-10");
    // + 10 working days from Wednesday 30 Sep: 8, 9, 10, 12, 13, 14, 15, 16, 19, 20 Oct.
    expect(latestDueOn(sh("2026-09-30 10:00"), rules)).toBe("2026-10-20");
    // Any day off moves on then, weekends included.
    expect(settleDueOn("2026-10-17", rules)).toEqual({ dueOn: "2026-10-19", movedFrom: "2026-10-17" });
    expect(settleDueOn("2026-10-03", rules)).toEqual({ dueOn: "2026-10-08", movedFrom: "2026-10-03" });
  });
});
