import { test, expect, signInAs, zh } from "../fixtures";

const t = zh.calendarPage;

test("[工作日历] the admin sees 2026's 国庆节 and 调休, adds a day and removes it", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/calendar?year=2026");
  await expect(page.getByRole("heading", { name: t.title, level: 1 })).toBeVisible();
  const list = page.locator("tbody tr");
  await expect(list.filter({ hasText: "2026-10-01" })).toContainText("国庆节");
  await expect(list.filter({ hasText: "2026-10-10" })).toContainText(zh.calendarKinds.workday);
  await expect(page.getByText("放假 33 天，调休上班 6 天")).toBeVisible();

  await page.goto("/admin/calendar?year=2029");
  await expect(page.getByText("2029 年尚未录入节假日安排。")).toBeVisible();
  await page.locator("#calDay").fill("2029-05-02");
  await page.locator("#calName").fill("劳动节");
  await page.getByRole("button", { name: t.add, exact: true }).click();
  const row = page.locator("tbody tr", { hasText: "2029-05-02" });
  await expect(row).toContainText("劳动节");
  await row.getByRole("button", { name: new RegExp(t.remove) }).click();
  await expect(page.getByText("2029 年尚未录入节假日安排。")).toBeVisible();
});

test("[逾期升级] the admin sees both ladders", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/escalation");
  await expect(page.getByRole("heading", { name: zh.escalationPage.loanOverdue })).toBeVisible();
  await expect(page.getByRole("heading", { name: zh.escalationPage.complaintMajor })).toBeVisible();
});

test("[工作日历] a staff member cannot open the calendar", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/admin/calendar");
  await expect(page).toHaveURL(/\/forbidden/);
});
