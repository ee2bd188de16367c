import { test, expect, signInAs, zh } from "../fixtures";

// 一户一档 + 全局搜索 (issue 10 §1 §2). The demo seed (prisma/seed/units.ts) gives the unit whose
// client file is on loan a complaint; the spec finds that unit from the complaint, then opens it
// the way a user would: press `/`, type the unit, pick it with the arrow key, Enter.
const STORY = "天花板渗水";

test("[一户一档] manager opens a unit from the global search and sees its record, loan and complaint on the timeline", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto(`/complaints?q=${encodeURIComponent(STORY)}`);
  await page.locator("tbody tr a[href^='/complaints/']").first().click();
  const label = (await page.getByTestId("unit-link").first().innerText()).trim(); // 华景园 1栋 0201
  const [project, building, number] = label.split(/\s+/);
  expect(number, label).toBeTruthy();

  await page.goto("/");
  await expect(page.getByTestId("global-search")).toHaveAttribute("data-hydrated", "true");
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: zh.globalSearch.label });
  await expect(box).toBeFocused();
  await box.pressSequentially(`${project}${building}${number}`);
  const units = page.getByTestId("search-group-units");
  await expect(units.getByRole("option").first()).toContainText(label);
  await box.press("ArrowDown");
  await box.press("Enter");

  await expect(page).toHaveURL(/\/units\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("unit-label")).toHaveText(label);
  await expect(page.getByTestId("unit-qr").locator("svg")).toBeVisible();
  const timeline = page.getByTestId("unit-timeline");
  await expect(timeline.locator("[data-kind='recordFormed']").first()).toBeVisible();
  await expect(timeline.locator("[data-kind='complaintReceived']").first()).toBeVisible();
  await expect(timeline.locator("[data-kind^='loan']").first()).toBeVisible();
  await expect(page.getByTestId("unit-records")).toContainText("KH-");
  await expect(page.getByTestId("unit-complaints")).toContainText(STORY);
  await expect(page.getByTestId("unit-loans")).toContainText("JY-");
});

test("[一户一档] Esc closes the search; Enter with no pick opens the results page; the archivist gets no complaint group", async ({ page }) => {
  await signInAs(page, "archivist");
  await expect(page.getByTestId("global-search")).toHaveAttribute("data-hydrated", "true");
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: zh.globalSearch.label });
  await box.pressSequentially("TS-2026");
  await expect(page.getByRole("listbox")).toBeVisible();
  await box.press("Escape");
  await expect(page.getByRole("listbox")).toHaveCount(0);
  await expect(box).not.toBeFocused();
  await page.keyboard.press("/");
  await box.fill("0201");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=0201/);
  await expect(page.getByTestId("search-page-units")).toBeVisible();
  await expect(page.getByTestId("search-page-complaints")).toHaveCount(0);
});

test("[一户一档] the admin has no search box and cannot open a unit page by URL", async ({ page }) => {
  await signInAs(page, "admin");
  await expect(page.getByTestId("global-search")).toHaveCount(0);
  await page.goto("/units");
  await expect(page).toHaveURL(/\/forbidden/);
  await page.goto("/search?q=0201");
  await expect(page).toHaveURL(/\/forbidden/);
});
