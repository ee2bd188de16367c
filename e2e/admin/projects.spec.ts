import { test, expect, signInAs, unique, zh } from "../fixtures";

test("[系统管理] admin adds a project, a building and its units", async ({ page }, testInfo) => {
  const code = unique("P", testInfo).toUpperCase();
  await signInAs(page, "admin");
  await page.goto("/admin/projects");
  await page.getByLabel(zh.admin.projectCode).fill(code);
  await page.getByLabel(zh.admin.projectName).fill("翠湖名苑");
  await page.getByLabel(zh.admin.city).fill("广州");
  await page.getByRole("button", { name: zh.admin.newProject }).click();
  const row = page.locator("tbody tr", { hasText: code });
  await expect(row).toContainText("翠湖名苑");
  await row.getByRole("link", { name: zh.admin.buildings }).click();

  await expect(page.getByText(zh.admin.noBuildings)).toBeVisible();
  await page.getByLabel(zh.admin.buildingCode).fill("1");
  await page.getByLabel(zh.admin.buildingName).fill("1栋");
  await page.getByRole("button", { name: zh.admin.newBuilding }).click();
  await expect(page.getByRole("link", { name: /1栋/ })).toBeVisible();

  await page.getByLabel(zh.admin.fromFloor).fill("1");
  await page.getByLabel(zh.admin.toFloor).fill("3");
  await page.getByLabel(zh.admin.unitsPerFloor).fill("2");
  await page.getByRole("button", { name: zh.admin.generateUnits }).click();
  await expect(page.getByText("已生成 6 户，跳过已存在 0 户")).toBeVisible();
  const grid = page.getByTestId("unit-grid");
  for (const n of ["0101", "0102", "0201", "0202", "0301", "0302"]) await expect(grid.getByText(n, { exact: true })).toBeVisible();

  // A unit number that exists is refused with the reason, and the grid is unchanged.
  await page.getByLabel(zh.admin.unitNumber).fill("0201");
  await page.getByRole("button", { name: zh.admin.newUnit }).click();
  await expect(page.getByText("房号 0201 在该楼栋中已存在。")).toBeVisible();
  await expect(grid.locator("span.font-mono")).toHaveCount(6);

  // Bad input is caught as the user types, in Chinese.
  await page.getByLabel(zh.admin.area).fill("12.345");
  await page.getByLabel(zh.admin.unitNumber).focus();
  await expect(page.getByText(zh.validation.decimal2)).toBeVisible();
});
