import { describe, expect, it } from "vitest";
import { DEFAULT_COMPLAINT_LADDER, DEFAULT_LOAN_LADDER, checkLadder, dueSteps, levelAt, nextStep } from "./ladder";

const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const due = sh("2026-03-10 09:00");
const levels = (steps: { level: number }[]) => steps.map((s) => s.level);

describe("dueSteps", () => {
  it("fires nothing before the due instant", () => {
    expect(dueSteps(due, DEFAULT_LOAN_LADDER, sh("2026-03-10 08:59"), new Set())).toEqual([]);
  });
  it("fires level 1 on the due day, exactly at its time", () => {
    expect(levels(dueSteps(due, DEFAULT_LOAN_LADDER, due, new Set()))).toEqual([1]);
  });
  it("never fires a level twice", () => {
    expect(levels(dueSteps(due, DEFAULT_LOAN_LADDER, sh("2026-03-12 10:00"), new Set([1])))).toEqual([]);
    expect(levels(dueSteps(due, DEFAULT_LOAN_LADDER, sh("2026-03-13 09:00"), new Set([1])))).toEqual([2]);
  });
  it("fires every level whose time came, in order, after a pause", () => {
    expect(levels(dueSteps(due, DEFAULT_LOAN_LADDER, sh("2026-03-20 00:00"), new Set()))).toEqual([1, 2, 3]);
    expect(levels(dueSteps(due, DEFAULT_LOAN_LADDER, sh("2026-03-20 00:00"), new Set([1, 2, 3])))).toEqual([]);
  });
  it("follows configured delays", () => {
    const custom = [
      { level: 1, afterHours: 24, to: ["subject" as const] },
      { level: 2, afterHours: 48, to: ["supervisor" as const] },
    ];
    expect(levels(dueSteps(due, custom, sh("2026-03-11 08:00"), new Set()))).toEqual([]);
    expect(levels(dueSteps(due, custom, sh("2026-03-12 09:00"), new Set()))).toEqual([1, 2]);
  });
  it("says what comes next", () => {
    expect(nextStep(due, DEFAULT_LOAN_LADDER, new Set([1]))).toEqual({ level: DEFAULT_LOAN_LADDER[1], at: sh("2026-03-13 09:00") });
    expect(nextStep(due, DEFAULT_LOAN_LADDER, new Set([1, 2, 3]))).toBeNull();
    expect(levelAt(due, DEFAULT_COMPLAINT_LADDER[2]!)).toEqual(sh("2026-03-13 09:00"));
  });
});

describe("checkLadder", () => {
  it("accepts the defaults", () => {
    expect(checkLadder(DEFAULT_LOAN_LADDER)).toBeNull();
    expect(checkLadder(DEFAULT_COMPLAINT_LADDER)).toBeNull();
  });
  it("refuses gaps, going back in time and empty targets", () => {
    expect(checkLadder([{ level: 2, afterHours: 0, to: ["subject"] }])).toBe("LADDER_LEVELS_ORDER");
    expect(checkLadder([{ level: 1, afterHours: 48, to: ["subject"] }, { level: 2, afterHours: 24, to: ["subject"] }])).toBe("LADDER_DELAY");
    expect(checkLadder([{ level: 1, afterHours: -1, to: ["subject"] }])).toBe("LADDER_DELAY");
    expect(checkLadder([{ level: 1, afterHours: 0, to: [] }])).toBe("LADDER_NO_TARGET");
  });
});
