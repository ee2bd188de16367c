import type { Page } from "@playwright/test";
import { test, expect, signIn, signInAs, unique, zh } from "../fixtures";

const INITIAL = "Chushi#2026x";
const CHOSEN = "Xinmima#2026y";

/** The admin fills 新建用户 and lands on the new user's page. */
async function createUser(page: Page, login: string, name: string, extraRole?: keyof typeof zh.roles) {
  await page.goto("/admin/users/new");
  await page.getByLabel(zh.admin.loginName).fill(login);
  await page.getByLabel(zh.admin.displayName).fill(name);
  if (extraRole) await page.getByLabel(zh.roles[extraRole]).check();
  await page.getByLabel(zh.admin.initialPassword).fill(INITIAL);
  await page.getByRole("button", { name: zh.common.save }).click();
  await expect(page.getByRole("heading", { name: new RegExp(name) })).toBeVisible();
}

/** On the forced 修改密码 page, sets a new password. */
async function choosePassword(page: Page, current: string, next: string) {
  await page.getByLabel(zh.auth.currentPassword).fill(current);
  await page.getByLabel(new RegExp(`^${zh.auth.newPassword}`)).fill(next);
  await page.getByLabel(zh.auth.confirmPassword).fill(next);
  await page.getByRole("button", { name: zh.common.save }).click();
}

test("[系统管理] admin creates a user who must change the password at first sign-in", async ({ page, browser }, testInfo) => {
  const login = unique("zhou", testInfo);
  await signInAs(page, "admin");
  await createUser(page, login, "周小梅", "archivist");
  await expect(page.getByText(zh.admin.mustChange)).toBeVisible();

  // The same login name again is refused with a clear message, and nothing is created.
  await page.goto("/admin/users/new");
  await page.getByLabel(zh.admin.loginName).fill(login);
  await page.getByLabel(zh.admin.displayName).fill("重复");
  await page.getByLabel(zh.admin.initialPassword).fill(INITIAL);
  await page.getByRole("button", { name: zh.common.save }).click();
  await expect(page.getByText(`登录名 ${login} 已被使用。`)).toBeVisible();
  await page.goto(`/admin/users?q=${login}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);

  const newcomer = await browser.newPage();
  await signIn(newcomer, login, INITIAL);
  await expect(newcomer).toHaveURL(/\/change-password/);
  await expect(newcomer.getByText(zh.auth.mustChangeTitle)).toBeVisible();
  await choosePassword(newcomer, INITIAL, "12345678");
  await expect(newcomer.getByText(zh.errors.PASSWORD_TOO_COMMON).first()).toBeVisible();
  await choosePassword(newcomer, INITIAL, CHOSEN);
  await expect(newcomer.getByTestId("current-user")).toContainText("周小梅");
  await expect(newcomer.getByTestId("current-roles")).toContainText(zh.roles.archivist);
  await newcomer.close();
});

test("[系统管理] a deactivated user's open session stops at once", async ({ page, browser }, testInfo) => {
  const login = unique("wu", testInfo);
  await signInAs(page, "admin");
  await createUser(page, login, "吴敏");
  const userUrl = page.url();

  const user = await browser.newPage();
  await signIn(user, login, INITIAL);
  await choosePassword(user, INITIAL, CHOSEN);
  await expect(user.getByTestId("current-user")).toContainText("吴敏");

  await page.goto(userUrl);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: zh.admin.deactivate }).click();
  // Done when the page offers 启用 instead (the 停用 tag and button share a word).
  await expect(page.getByRole("button", { name: zh.admin.activate })).toBeVisible();

  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  await expect(user.getByText(zh.auth.sessionEnded)).toBeVisible();
  await signIn(user, login, CHOSEN);
  await expect(user.getByTestId("login-error")).toHaveText(zh.auth.inactive);
  await user.close();
});

test("[系统管理] five wrong passwords pause sign-in; the admin lifts the lock", async ({ page, browser }, testInfo) => {
  const login = unique("zheng", testInfo);
  await signInAs(page, "admin");
  await createUser(page, login, "郑凯");

  const user = await browser.newPage();
  for (let i = 1; i <= 4; i++) {
    await signIn(user, login, `wrong-${i}-password`);
    await expect(user.getByTestId("login-error")).toHaveText(zh.auth.invalid);
  }
  await signIn(user, login, "wrong-5-password");
  await expect(user.getByTestId("login-error")).toContainText("已暂停密码登录");
  // Even the right password is refused while the lock holds.
  await signIn(user, login, INITIAL);
  await expect(user.getByTestId("login-error")).toContainText("已暂停密码登录");

  await page.reload();
  await page.getByRole("button", { name: zh.admin.unlock }).click();
  await expect(page.getByText(zh.admin.unlocked)).toBeVisible();
  await signIn(user, login, INITIAL);
  await expect(user).toHaveURL(/\/change-password/);
  await user.close();
});

test("[系统管理] admin searches and filters the user list", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  await page.getByLabel(zh.admin.searchUsers).fill("王丽娜");
  await page.getByRole("button", { name: zh.common.search }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody")).toContainText("staff");
  await page.goto("/admin/users?role=auditor");
  await expect(page.locator("tbody")).toContainText("周敏");
  await expect(page.locator("tbody")).not.toContainText("王丽娜");
});
