import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-users";
import { MODULES, modulesFor } from "../server/auth/access";
import { MESSAGES } from "../server/i18n/config";

const zhCN = MESSAGES["zh-CN"];

export { expect };
export const PASSWORD = DEMO_PASSWORD;
export const zh = zhCN;

// The e2e server (scripts/e2e-server.sh) runs on a fresh embedded database seeded with the demo data.
if (!/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?/.test(process.env.E2E_BASE_URL ?? "http://127.0.0.1")) {
  throw new Error("e2e runs only against a server on localhost");
}

export function demoUser(loginName: string) {
  const u = DEMO_USERS.find((d) => d.loginName === loginName);
  if (!u) throw new Error(`no demo user ${loginName}`);
  return u;
}

/** What the sidebar must offer this user, in Chinese, in order. */
export function expectedMenu(loginName: string): string[] {
  return modulesFor(demoUser(loginName).roles).map((k) => zhCN.nav[k]);
}

export function isAvailable(label: string): boolean {
  return Object.entries(MODULES).some(([k, m]) => zhCN.nav[k as keyof typeof MODULES] === label && m.available);
}

export async function signIn(page: Page, loginName: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(zhCN.auth.loginName).fill(loginName);
  await page.getByLabel(zhCN.auth.password).fill(password);
  await page.getByRole("button", { name: zhCN.auth.submit }).click();
}

export async function signInAs(page: Page, loginName: string) {
  await signIn(page, loginName);
  await expect(page.getByTestId("current-user")).toContainText(demoUser(loginName).displayName);
}

/** A name no other test or earlier run uses, for data a test creates. */
export function unique(prefix: string, testInfo: { workerIndex: number; retry: number }) {
  return `${prefix}${testInfo.workerIndex}${testInfo.retry}${Date.now().toString(36).slice(-5)}`;
}

export const test = base;
