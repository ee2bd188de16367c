import { test, expect, signInAs, zh } from "../fixtures";

// Issue 17 #3: a second 月考核 for the same person and month was a toast with no way to the
// existing one. Now the refusal stands under 考核期 with a link 查看已有考核 that opens it.
const ta = zh.appraisal;

test("[绩效考核] a duplicate appraisal is refused under 考核期 with a link to the existing one", async ({ page }, testInfo) => {
  // A month nobody else uses: another person than workflow.spec.ts, and years it does not pick (2090–2099).
  const stamp = Date.now() + testInfo.workerIndex * 7919 + testInfo.retry * 104_729;
  const period = `${2090 + (Math.floor(stamp / 12) % 10)}-${String((stamp % 12) + 1).padStart(2, "0")}`;
  await signInAs(page, "manager");

  const create = async () => {
    await page.goto("/appraisal/new");
    await page.getByLabel(ta.employee).selectOption({ label: `刘芳（${ta.audiences.operational}）` });
    await page.getByLabel(ta.kind).selectOption({ label: ta.kinds.monthly });
    await page.getByLabel(ta.period).fill(period);
    await page.getByRole("button", { name: ta.create }).click();
  };
  await create();
  await expect(page).toHaveURL(/\/appraisal\/[0-9a-f-]{36}$/);
  const existing = new URL(page.url()).pathname;

  await create();
  const error = page.locator("#period-error");
  await expect(error).toContainText(`该员工 ${period} 的这类考核已存在`);
  await expect(page.getByLabel(ta.period)).toHaveAttribute("aria-describedby", "period-error");
  const link = error.getByRole("link", { name: zh.errorLinks.APPRAISAL_SLOT_TAKEN });
  await expect(link).toHaveAttribute("href", existing);
  await expect(page).toHaveURL(/\/appraisal\/new$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${existing}$`));
  await expect(page.locator("h1")).toContainText(`刘芳 · ${ta.kinds.monthly} ${period}`);
});
