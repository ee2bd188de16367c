import { test, expect, signInAs, demoUser, zh } from "../fixtures";

// Issue 16 #1 through the real server (scripts/serve.ts, no TRUSTED_PROXIES): a browser that
// sends its own X-Forwarded-For is still recorded at its socket's address, 127.0.0.1.
// tests/integration/client-address-server.test.ts covers the throttle and TRUSTED_PROXIES.
test("[登录] a forged X-Forwarded-For is not the address the audit log records", async ({ browser, page }) => {
  const forged = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.77.0.1", "x-real-ip": "10.77.0.2" } });
  const staff2 = await forged.newPage();
  await signInAs(staff2, "staff2");
  await forged.close();

  await signInAs(page, "auditor");
  await page.goto("/audit");
  await page.getByLabel(zh.audit.action, { exact: true }).selectOption("auth.signIn");
  await page.getByRole("button", { name: zh.common.filter }).click();
  await expect(page).toHaveURL(/action=auth\.signIn/);
  const row = page.locator("tbody tr").filter({ hasText: demoUser("staff2").displayName }).first();
  await expect(row).toContainText("127.0.0.1");
  await expect(page.getByText(/10\.77\.0\.[12]/)).toHaveCount(0);
});
