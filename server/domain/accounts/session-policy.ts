// 等保 2.0 会话管理: sessions end after 30 idle minutes and, at the latest, 12 hours after sign-in;
// a deactivated user's sessions stop at once because every request re-reads the user.
export const IDLE_TIMEOUT_MS = Number(process.env.SESSION_IDLE_MINUTES ?? 30) * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
// lastSeenAt is written at most this often, so reading a page is not a write per request.
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionState = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };
export type SessionVerdict = "ok" | "ended" | "idle" | "expired" | "inactive";

export function judgeSession(s: SessionState, userActive: boolean, now: Date, idleMs = IDLE_TIMEOUT_MS): SessionVerdict {
  if (s.endedAt) return "ended";
  if (!userActive) return "inactive";
  if (now.getTime() - s.createdAt.getTime() >= ABSOLUTE_TIMEOUT_MS) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMs) return "idle";
  return "ok";
}

export function needsTouch(s: SessionState, now: Date): boolean {
  return now.getTime() - s.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
