import { test, expect, signInAs, zh } from "../fixtures";

test("[权限] staff opening 系统管理 or 审计日志 by URL gets 403, not the page", async ({ page }) => {
  await signInAs(page, "staff");
  for (const path of ["/admin/users", "/admin/projects", "/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByText(zh.errors.FORBIDDEN)).toBeVisible();
  }
});

test("[权限] the admin cannot read the audit log and the auditor cannot manage users", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/forbidden/);

  const auditor = await browser.newPage();
  await signInAs(auditor, "auditor");
  await auditor.goto("/admin/users");
  await expect(auditor).toHaveURL(/\/forbidden/);
  // The API refuses too: the page guard is not the protection.
  const res = await auditor.request.get("/api/trpc/admin.listUsers?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
  expect(res.status()).toBe(403);
  expect(JSON.stringify(await res.json())).toContain(zh.errors.FORBIDDEN);
  await auditor.close();
});
