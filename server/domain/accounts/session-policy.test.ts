import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, TOUCH_INTERVAL_MS, judgeSession, needsTouch, type SessionState } from "./session-policy";

const MIN = 60_000;
const signIn = new Date("2026-11-02T00:30:00.000Z"); // 08:30 in Shanghai
const plus = (minutes: number) => new Date(signIn.getTime() + minutes * MIN);
const session = (lastSeenMin: number, endedAt: Date | null = null): SessionState => ({ createdAt: signIn, lastSeenAt: plus(lastSeenMin), endedAt });

describe("session timeouts (等保 2.0 会话管理)", () => {
  it("are 30 idle minutes and 12 hours after sign-in by default", () => {
    expect(process.env.SESSION_IDLE_MINUTES).toBeUndefined();
    expect(IDLE_TIMEOUT_MS).toBe(30 * MIN);
    expect(ABSOLUTE_TIMEOUT_MS).toBe(12 * 60 * MIN);
  });
});

describe("judgeSession", () => {
  it("accepts a fresh session", () => {
    expect(judgeSession(session(0), true, plus(1))).toBe("ok");
  });

  it("accepts a session idle for just under 30 minutes", () => {
    expect(judgeSession(session(10), true, plus(10 + 29.99))).toBe("ok");
  });

  it("ends a session idle for 30 minutes", () => {
    expect(judgeSession(session(10), true, plus(40))).toBe("idle");
  });

  it("uses the idle limit it is given", () => {
    expect(judgeSession(session(0), true, plus(6), 5 * MIN)).toBe("idle");
    expect(judgeSession(session(0), true, plus(4), 5 * MIN)).toBe("ok");
  });

  it("ends an active session 12 hours after sign-in even if used a minute ago", () => {
    expect(judgeSession(session(11 * 60 + 59), true, plus(12 * 60 - 0.01))).toBe("ok");
    expect(judgeSession(session(11 * 60 + 59), true, plus(12 * 60))).toBe("expired");
  });

  it("refuses the session of a deactivated user at once", () => {
    expect(judgeSession(session(0), false, plus(1))).toBe("inactive");
  });

  it("refuses an ended session, whatever else holds", () => {
    expect(judgeSession(session(0, plus(0.5)), true, plus(1))).toBe("ended");
    expect(judgeSession(session(0, plus(0.5)), false, plus(13 * 60))).toBe("ended");
  });
});

describe("needsTouch", () => {
  it("writes lastSeenAt at most once a minute", () => {
    expect(TOUCH_INTERVAL_MS).toBe(MIN);
    expect(needsTouch(session(0), plus(0.99))).toBe(false);
    expect(needsTouch(session(0), plus(1))).toBe(true);
  });
});
