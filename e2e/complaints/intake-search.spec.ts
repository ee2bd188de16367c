import { generateClients } from "../../prisma/seed/clients";
import { test, expect, signInAs, zh } from "../fixtures";

// Intake links the caller to a known client and unit by search-as-you-type, keyboard only; the
// registered phone stays masked. Staff are kept out of statistics and settings by the server.
const c = zh.complaints;

test("[投诉] the complainant is found as you type and picked with the keyboard; the client's phone is used, masked", async ({ page }) => {
  const client = generateClients().find((x) => x.kind === "individual")!;
  await signInAs(page, "staff");
  await page.goto("/complaints/new");
  await page.keyboard.type(client.name);
  const option = page.getByRole("option").filter({ hasText: client.name }).first();
  await expect(option).toBeVisible();
  await expect(option).toContainText(client.phone.slice(0, 3) + "****" + client.phone.slice(-4));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(page.getByText(c.complainantPicked.split("：")[0]!)).toBeVisible();
  await page.getByLabel(c.category).selectOption({ index: 1 });
  await page.getByLabel(c.content).fill("物业费账单金额有误");
  await page.getByRole("button", { name: c.submitIntake }).click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("contact-phone")).toHaveText(client.phone.slice(0, 3) + "****" + client.phone.slice(-4));
  await expect(page.locator("dl").first()).toContainText(client.name);
});

test("[投诉] staff cannot open the statistics or the settings, nor download the export", async ({ page }) => {
  await signInAs(page, "staff");
  for (const path of ["/complaints/stats", "/admin/complaint-settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden/);
  }
  const res = await page.request.get("/api/complaints/stats/export?format=csv&from=2026-01-01&to=2026-12-31");
  expect(res.status()).toBe(403);
});
