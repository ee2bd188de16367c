import { describe, expect, it } from "vitest";
import {
  ACCOUNT_MAX_FAILURES,
  FAILURE_WINDOW_MS,
  IP_MAX_FAILURES,
  LOCK_DURATION_MS,
  failureLookback,
  lockedUntil,
  minutesLeft,
} from "./lockout";

const MIN = 60_000;
const t0 = new Date("2026-11-02T01:00:00.000Z"); // 09:00 in Shanghai
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);
const failuresAt = (...minutes: number[]) => minutes.map(at);

describe("lock-out policy constants (等保 2.0 登录失败处理)", () => {
  it("is 5 failures per account and 20 per address within 15 minutes, locking for 15 minutes", () => {
    expect(ACCOUNT_MAX_FAILURES).toBe(5);
    expect(IP_MAX_FAILURES).toBe(20);
    expect(FAILURE_WINDOW_MS).toBe(15 * MIN);
    expect(LOCK_DURATION_MS).toBe(15 * MIN);
  });
});

describe("lockedUntil", () => {
  it("locks after 5 failures within 15 minutes, for 15 minutes from the last one", () => {
    const until = lockedUntil(failuresAt(0, 1, 2, 3, 4), at(4), ACCOUNT_MAX_FAILURES);
    expect(until).toEqual(at(19));
  });

  it("does not lock after 4 failures", () => {
    expect(lockedUntil(failuresAt(0, 1, 2, 3), at(3), ACCOUNT_MAX_FAILURES)).toBeNull();
  });

  it("counts 5 failures exactly 15 minutes apart as one window", () => {
    expect(lockedUntil(failuresAt(0, 5, 10, 14, 15), at(15), ACCOUNT_MAX_FAILURES)).toEqual(at(30));
  });

  it("does not lock when 5 failures are spread over more than 15 minutes", () => {
    expect(lockedUntil(failuresAt(0, 4, 8, 12, 16), at(16), ACCOUNT_MAX_FAILURES)).toBeNull();
  });

  it("finds the run of 5 inside a longer, unordered series", () => {
    // The first three are old; the last five fall within 3 minutes.
    const failures = failuresAt(31, 0, 30, 32, 10, 33, 20, 34);
    expect(lockedUntil(failures, at(34), ACCOUNT_MAX_FAILURES)).toEqual(at(49));
  });

  it("ignores failures before countFrom (an admin's unlock or the last success)", () => {
    const failures = failuresAt(0, 1, 2, 3, 4);
    expect(lockedUntil(failures, at(5), ACCOUNT_MAX_FAILURES, at(2.5))).toBeNull();
    // Failures on or after countFrom still count.
    expect(lockedUntil(failures, at(5), ACCOUNT_MAX_FAILURES, at(0))).toEqual(at(19));
  });

  it("counts again after countFrom: 5 new failures lock again", () => {
    const failures = failuresAt(0, 1, 2, 3, 4, 6, 7, 8, 9, 10);
    expect(lockedUntil(failures, at(10), ACCOUNT_MAX_FAILURES, at(5))).toEqual(at(25));
  });

  it("lifts the lock once 15 minutes have passed since the last failure", () => {
    const failures = failuresAt(0, 1, 2, 3, 4);
    expect(lockedUntil(failures, at(18.99), ACCOUNT_MAX_FAILURES)).toEqual(at(19));
    expect(lockedUntil(failures, at(19), ACCOUNT_MAX_FAILURES)).toBeNull();
    expect(lockedUntil(failures, at(60), ACCOUNT_MAX_FAILURES)).toBeNull();
  });

  it("ignores failures recorded after now", () => {
    expect(lockedUntil(failuresAt(0, 1, 2, 3, 4), at(3), ACCOUNT_MAX_FAILURES)).toBeNull();
  });

  it("throttles an address at 20 failures, not at 19", () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => i * 0.5);
    expect(lockedUntil(failuresAt(...nineteen), at(10), IP_MAX_FAILURES)).toBeNull();
    expect(lockedUntil(failuresAt(...nineteen, 10), at(10), IP_MAX_FAILURES)).toEqual(at(25));
  });

  it("returns null for no failures", () => {
    expect(lockedUntil([], t0, ACCOUNT_MAX_FAILURES)).toBeNull();
  });
});

describe("failureLookback", () => {
  it("reaches back one window plus one lock duration", () => {
    expect(failureLookback(at(30))).toEqual(at(0));
  });
});

describe("minutesLeft", () => {
  it("rounds up to whole minutes and never says 0", () => {
    expect(minutesLeft(at(15), at(0))).toBe(15);
    expect(minutesLeft(at(14.02), at(0))).toBe(15);
    expect(minutesLeft(at(0.1), at(0))).toBe(1);
    expect(minutesLeft(at(0), at(1))).toBe(1);
  });
});
