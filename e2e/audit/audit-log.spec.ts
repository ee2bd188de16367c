import { test, expect, signInAs, zh } from "../fixtures";

test("[审计] the auditor sees who did what, filters by action and verifies the chain", async ({ page }) => {
  // Make an entry to look for: the admin signs in and creates nothing else.
  await signInAs(page, "admin");
  await page.getByRole("button", { name: zh.nav.signOut }).click();

  await signInAs(page, "auditor");
  await page.getByTestId("sidebar").getByRole("link", { name: zh.nav.audit }).click();
  await expect(page.getByRole("heading", { name: zh.audit.title })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();

  await page.getByLabel(zh.audit.action, { exact: true }).selectOption("auth.signOut");
  await page.getByRole("button", { name: zh.common.filter }).click();
  await expect(page).toHaveURL(/action=auth\.signOut/);
  await expect(rows.first()).toContainText(zh.auditActions.auth_signOut);
  await expect(rows.filter({ hasText: "孙浩" }).first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain("auth.signOut");

  await page.getByRole("button", { name: zh.audit.verify }).click();
  await expect(page.getByText(/哈希链完整/)).toBeVisible();

  // Read-only: there is nothing on the page that changes data.
  await expect(page.getByRole("button", { name: zh.common.save })).toHaveCount(0);
});
