// Login failure handling (等保 2.0 登录失败处理; OWASP ASVS V2.2.1):
// 5 failed tries on one account within 15 minutes pause that account's password sign-in for
// 15 minutes; one address failing 20 times within 15 minutes is throttled the same way.
export const ACCOUNT_MAX_FAILURES = 5;
// The e2e server raises the per-address limit: all its browsers sign in from 127.0.0.1
// (the limit itself is covered by the integration tests).
export const IP_MAX_FAILURES = Number(process.env.LOGIN_IP_MAX_FAILURES ?? 20);
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;

/**
 * Given the instants of recent failures (any order) and the instant from which failures count
 * (an admin's unlock, or the last success), returns until when sign-in is paused, or null.
 */
export function lockedUntil(failures: readonly Date[], now: Date, maxFailures: number, countFrom?: Date | null): Date | null {
  const from = Math.max(now.getTime() - FAILURE_WINDOW_MS - LOCK_DURATION_MS, countFrom?.getTime() ?? -Infinity);
  const times = failures.map((d) => d.getTime()).filter((t) => t >= from && t <= now.getTime()).sort((a, b) => a - b);
  // Find the latest run of `maxFailures` failures inside one window; the lock starts at its last one.
  for (let end = times.length - 1; end >= maxFailures - 1; end--) {
    const last = times[end]!;
    const first = times[end - maxFailures + 1]!;
    if (last - first <= FAILURE_WINDOW_MS) {
      const until = last + LOCK_DURATION_MS;
      return until > now.getTime() ? new Date(until) : null;
    }
  }
  return null;
}

/** Since when failures must be loaded to decide a lock at `now`. */
export function failureLookback(now: Date): Date {
  return new Date(now.getTime() - FAILURE_WINDOW_MS - LOCK_DURATION_MS);
}

export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
