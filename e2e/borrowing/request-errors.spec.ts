import type { Locator, Page } from "@playwright/test";
import { test, expect, signInAs, zh } from "../fixtures";

// Issue 17 #3: the 借阅申请 form says every problem in one round, each under its field (linked by
// aria-describedby, so a screen reader reads it with the control), and a refusal of the due day by
// the server's rules is shown under 归还日期 and stays there, not in a toast that vanishes.
const b = zh.borrowNew;

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The message under the field, and the control naming it by aria-describedby. */
async function expectUnder(page: Page, field: string, control: Locator, message: string | RegExp) {
  const error = page.locator(`#${field}-error`);
  await expect(error).toHaveText(message);
  // Under the field: the message follows its control inside the same Field.
  await expect(page.locator(`#${field} ~ #${field}-error`)).toHaveCount(1);
  await expect(control).toHaveAttribute("aria-describedby", new RegExp(`(^| )${field}-error( |$)`));
}

test("[借阅] an empty request names all three missing things at once, each under its field", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/borrowing/new");
  await expect(page.locator("h1")).toHaveText(b.title);
  await page.getByRole("button", { name: b.submit }).click();

  await expectUnder(page, "recordIds", page.locator("#recordIds"), zh.validation.borrowRecordsRequired);
  await expectUnder(page, "purpose", page.getByLabel(b.purpose), zh.validation.borrowPurpose);
  await expect(page.getByLabel(b.purpose)).toHaveAttribute("aria-invalid", "true");
  const radio = page.getByRole("radio", { name: new RegExp(`^${zh.borrowType.reading}`) });
  await expect(page.locator("#borrowType-error")).toHaveText(zh.validation.borrowTypeRequired);
  await expect(radio).toHaveAttribute("aria-describedby", "borrowType-error");
  // The record search names the records' error too: that is where the user fixes it.
  await expect(page.getByLabel(b.searchLabel)).toHaveAttribute("aria-describedby", "recordIds-error");
});

test("[借阅] a return date outside the loan rules is refused under 归还日期, and the message stays until the date changes", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/borrowing/new");
  const due = page.getByLabel(b.dueOn);
  // The rules are known on the page: the picker offers today … today + the maximum period only.
  const today = (await due.getAttribute("min"))!;
  const latest = (await due.getAttribute("max"))!;
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(latest > today).toBe(true);

  const search = page.getByLabel(b.searchLabel);
  await search.fill("入住档案");
  await search.press("Enter");
  const add = page.getByRole("button", { name: /^添加 / }).and(page.locator(":enabled"));
  await expect(add.first()).toBeVisible();
  await add.first().click();
  await expect(page.getByTestId("picked-records").locator("li")).toHaveCount(1);
  await page.getByRole("radio", { name: new RegExp(`^${zh.borrowType.reading}`) }).check();
  await page.getByLabel(b.purpose).fill("核对入住资料（超期测试，不会保存）");

  // Past the maximum: the server's rule (借期最长 N 天) under the date, no toast.
  await due.fill(addDays(latest, 3));
  await page.getByRole("button", { name: b.submit }).click();
  await expectUnder(page, "dueOn", due, new RegExp(`^借期最长 \\d+ 天：归还日期不能晚于 ${latest}。$`));
  await expect(due).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
  await expect(page).toHaveURL(/\/borrowing\/new$/);

  // Before today: 归还日期不能早于今天 in the same place.
  await due.fill(addDays(today, -1));
  await expect(page.locator("#dueOn-error")).toHaveCount(0);
  await page.getByRole("button", { name: b.submit }).click();
  await expectUnder(page, "dueOn", due, zh.errors.BORROW_DUE_IN_PAST);
  // A toast would have gone by now (sonner: 4 s); the message under the field has not.
  await page.waitForTimeout(5_000);
  await expect(page.locator("#dueOn-error")).toHaveText(zh.errors.BORROW_DUE_IN_PAST);
  // Changing the date clears it.
  await due.fill(today);
  await expect(page.locator("#dueOn-error")).toHaveCount(0);
});
