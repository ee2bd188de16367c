import os from "node:os";

// Every knob of the print service, from the environment, read when first needed.
const int = (name: string, fallback: number, min: number, max: number): number => {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, not ${raw}`);
  return n;
};

export type PoolConfig = {
  executablePath: string;
  /** Pages rendering at once (each a Chromium renderer): a burst queues behind them. */
  maxPages: number;
  /** Requests that may wait for a page; more are refused at once (PRINT_BUSY). */
  queueLimit: number;
  /** How long a request may wait in the queue. */
  queueTimeoutMs: number;
  /** One render (navigation + page.pdf). */
  renderTimeoutMs: number;
  launchTimeoutMs: number;
  /** A fresh browser after this many renders bounds Chromium's memory growth. */
  restartAfter: number;
};

export function poolConfigFromEnv(): PoolConfig {
  return {
    executablePath: process.env.PRINT_CHROMIUM_PATH || "/usr/bin/chromium",
    // page.pdf keeps a core busy: one page per core (at most 4), so a burst neither idles cores nor thrashes them.
    maxPages: int("PRINT_MAX_PAGES", Math.min(4, Math.max(1, os.availableParallelism())), 1, 32),
    queueLimit: int("PRINT_QUEUE_LIMIT", 100, 0, 10_000),
    queueTimeoutMs: int("PRINT_QUEUE_TIMEOUT_MS", 60_000, 100, 600_000),
    renderTimeoutMs: int("PRINT_TIMEOUT_MS", 20_000, 100, 300_000),
    launchTimeoutMs: int("PRINT_LAUNCH_TIMEOUT_MS", 15_000, 1_000, 120_000),
    restartAfter: int("PRINT_RESTART_AFTER", 300, 1, 1_000_000),
  };
}

/** The company on every form's letterhead. */
export function companyName(): string {
  return process.env.PRINT_COMPANY_NAME || "华景置业集团有限公司";
}

/** Where the QR codes point: the portal as its users reach it. */
export function portalBaseUrl(): string {
  return (process.env.PORTAL_BASE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
}

export const PRINT_BATCH_MAX = 50;
