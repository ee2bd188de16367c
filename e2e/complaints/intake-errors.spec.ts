import { test, expect, signInAs, zh } from "../fixtures";

// Issue 17 #3: the intake's date rules (受理时间不能晚于现在, 承诺答复时间不能早于受理时间) were a toast
// that vanished and marked nothing. Now each is shown under its field, named by the field's
// aria-describedby, and stays until the field changes.
const c = zh.complaints;

/** A day in Asia/Shanghai (no DST: UTC+8), `n` days from today, as yyyy-mm-dd. */
function shanghaiDay(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

test("[投诉] a promised reply before receipt is refused under 承诺答复时间 and stays; a receipt in the future under 受理时间", async ({ page }) => {
  await signInAs(page, "staff");
  await page.goto("/complaints/new");
  const received = page.getByLabel(c.receivedAt);
  const promised = page.getByLabel(c.promisedReplyAt);
  // The rule known on the page: the receipt cannot be picked after now.
  await expect(received).toHaveAttribute("max", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

  await page.getByRole("combobox", { name: c.complainant }).fill("测试投诉人");
  await page.keyboard.press("Escape");
  await page.getByLabel(c.category).selectOption({ index: 1 });
  await page.getByLabel(c.content).fill("日期顺序测试：承诺答复早于受理（不会保存）");
  const yesterday = shanghaiDay(-1);
  await received.fill(`${yesterday}T09:00`);
  // The promise picker starts at the receipt.
  await expect(promised).toHaveAttribute("min", `${yesterday}T09:00`);
  await promised.fill(`${yesterday}T08:00`);
  await page.getByRole("button", { name: c.submitIntake }).click();

  const error = page.locator("#promisedReplyAt-error");
  await expect(error).toHaveText(zh.errors.COMPLAINT_PROMISE_BEFORE_RECEIPT);
  await expect(page.locator("#promisedReplyAt ~ #promisedReplyAt-error")).toHaveCount(1);
  await expect(promised).toHaveAttribute("aria-describedby", "promisedReplyAt-error");
  await expect(promised).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
  // A toast would have gone by now (sonner: 4 s); the message under the field has not.
  await page.waitForTimeout(5_000);
  await expect(error).toHaveText(zh.errors.COMPLAINT_PROMISE_BEFORE_RECEIPT);
  await expect(page).toHaveURL(/\/complaints\/new$/);

  // A receipt in the future: under 受理时间 (the promise left empty takes the latest allowed).
  await promised.fill("");
  await expect(error).toHaveCount(0);
  await received.fill(`${shanghaiDay(2)}T09:00`);
  await page.getByRole("button", { name: c.submitIntake }).click();
  await expect(page.locator("#receivedAt-error")).toHaveText(zh.errors.COMPLAINT_RECEIVED_IN_FUTURE);
  await expect(received).toHaveAttribute("aria-describedby", "receivedAt-error");
  await expect(page).toHaveURL(/\/complaints\/new$/);
});
