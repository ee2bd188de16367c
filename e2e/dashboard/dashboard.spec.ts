import type { Page } from "@playwright/test";
import { test, expect, signIn, demoUser, zh } from "../fixtures";

// The home page is the heaviest first render after sign-in (it reads every module's counts);
// on a cold server shared with other work it may take longer than the fixtures' 10 s.
async function signInAs(page: Page, login: string) {
  await signIn(page, login);
  await expect(page.getByTestId("current-user")).toContainText(demoUser(login).displayName, { timeout: 30_000 });
}

// 工作台 and 统计 (issue 9 §1 §3).
test("[工作台] the manager sees the loans waiting for approval and opens one from the dashboard", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/");
  const waiting = page.getByTestId("dash-approvals-loanRequests");
  await expect(waiting).toContainText(zh.dashboard.loanRequests);
  const count = Number((await waiting.locator("div").nth(1).textContent())?.trim());
  expect(count).toBeGreaterThan(0);

  // The seeded slip waiting for the manager is listed; clicking it opens the slip with 批准.
  const first = page.getByTestId("dash-approval-rows").getByRole("link").first();
  const requestNo = (await first.textContent())!.trim();
  expect(requestNo).toMatch(/^JY-\d{4}-\d{4}$/);
  await first.click();
  await expect(page).toHaveURL(/\/borrowing\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("request-no")).toHaveText(requestNo);
  await expect(page.getByRole("button", { name: new RegExp(`^${zh.borrowAction.approve}`) }).first()).toBeVisible();

  // The figure opens the approvals inbox, which holds the same slips.
  await page.goto("/");
  await page.getByTestId("dash-approvals-loanRequests").click();
  await expect(page).toHaveURL(/\/borrowing\/approvals$/);
  await expect(page.getByTestId("inbox-row").filter({ hasText: requestNo })).toHaveCount(1);

  // This month's figures are there for the manager.
  await page.goto("/");
  await expect(page.getByTestId("dash-figures")).toBeVisible();
});

test("[工作台] staff see their own work and no department-wide figures", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: zh.dashboard.myComplaints })).toBeVisible();
  await expect(page.getByRole("heading", { name: zh.dashboard.myLoans })).toBeVisible();
  await expect(page.getByTestId("dash-figures")).toHaveCount(0);
  await expect(page.getByTestId("dash-approvals-loanRequests")).toHaveCount(0);
  await page.goto("/borrowing/statistics");
  await expect(page).toHaveURL(/\/forbidden/);
});

test("[统计] the archivist opens the loan statistics from the hub and exports them", async ({ page }) => {
  await signInAs(page, "archivist");
  await page.goto("/statistics");
  const hub = page.getByTestId("statistics-hub");
  await expect(hub.locator("[data-page]")).toHaveCount(3);
  await hub.getByRole("link", { name: new RegExp(zh.statistics.pages.loans) }).click();
  await expect(page).toHaveURL(/\/borrowing\/statistics$/);
  await expect(page.locator("h1")).toHaveText(zh.statistics.loans.title);
  await expect(page.getByTestId("table-by-month").locator("tbody tr")).toHaveCount(12);
  const csv = await page.request.get((await page.getByTestId("export-csv").getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(zh.statistics.loans.byMonth);

  await page.goto("/archive/statistics");
  await expect(page.locator("h1")).toHaveText(zh.statistics.archive.title);
  // All projects: one row per project (hundreds of buildings would not fit); a project opens its buildings.
  await expect(page.getByTestId("table-by-project")).toBeVisible();
  await page.getByTestId("table-by-project").getByRole("link").first().click();
  await expect(page).toHaveURL(/project=/);
  await expect(page.getByTestId("table-by-place")).toBeVisible();
});
