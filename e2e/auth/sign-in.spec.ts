import { test, expect, signIn, signInAs, expectedMenu, demoUser, zh } from "../fixtures";

const ROLE_USERS = ["staff", "archivist", "supervisor", "manager", "admin", "auditor"] as const;

for (const login of ROLE_USERS) {
  test(`[登录] ${login} signs in, sees their roles and menu, and signs out`, async ({ page }) => {
    await signInAs(page, login);
    const user = demoUser(login);
    for (const role of user.roles) await expect(page.getByTestId("current-roles")).toContainText(zh.roles[role]);

    const sidebar = page.getByTestId("sidebar");
    const entries = sidebar.locator("[data-module]");
    await expect(entries).toHaveCount(expectedMenu(login).length);
    for (const [i, label] of expectedMenu(login).entries()) await expect(entries.nth(i)).toContainText(label);
    // Separation of duties is visible too: only the admin sees 系统管理, only the auditor 审计日志.
    await expect(sidebar.getByText(zh.nav.admin)).toHaveCount(user.roles.includes("admin") ? 1 : 0);
    await expect(sidebar.getByText(zh.nav.audit)).toHaveCount(user.roles.includes("auditor") ? 1 : 0);

    await page.getByRole("button", { name: zh.nav.signOut }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("[登录] a wrong password shows the message and keeps the login name", async ({ page }) => {
  await signIn(page, "staff", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText(zh.auth.invalid);
  await expect(page.getByLabel(zh.auth.loginName)).toHaveValue("staff");
  await expect(page).toHaveURL(/\/login/);
});

test("[登录] pages need a session", async ({ page }) => {
  for (const path of ["/", "/admin/users", "/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("[登录] the portal switches to English and back", async ({ page }) => {
  await signInAs(page, "staff");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("sidebar")).toContainText("Dashboard");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByTestId("sidebar")).toContainText(zh.nav.home);
});
