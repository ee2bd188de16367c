import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in e2e/ against a production build (`npx next build` first) served by
// scripts/e2e-server.sh on a freshly seeded embedded database. Chromium is Debian's
// (/usr/bin/chromium, installed by scripts/ensure-system.sh); never `npx playwright install`.
const CI = !!process.env.CI;
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two workers share one server and one database: specs create worker-unique data (fixtures.ts).
  workers: 2,
  fullyParallel: false,
  // Ceilings, not budgets (issue 16 #14): generous so a busy 2-core machine does not fail a
  // test that would pass; a passing test never waits for them.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  outputDir: "test-results",
  reporter: [
    ["list"],
    ["json", { outputFile: "data/test-reports/e2e.json" }],
    ["html", { open: "never", outputFolder: "playwright-report" }],
  ],
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        // A closed network: stop Chromium from trying hosts it cannot reach.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "bash scripts/e2e-server.sh",
        url: `${baseURL}/login`,
        timeout: 180_000,
        reuseExistingServer: !CI,
        stdout: "pipe",
        stderr: "pipe",
        // Lets the server close PGlite cleanly; the data dir is thrown away on the next run anyway.
        gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      },
});
