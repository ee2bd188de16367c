import { test, expect, signInAs, zh } from "../fixtures";

// 剔除/销毁 (issue 4 item 8, 002 §2): the archivist lists past-retention files, the manager approves.
test("[档案] archivist builds a weeding list from proposals; manager approves; the files show 已销毁", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "archivist");
  await page.goto("/archive/weeding");
  const proposals = page.locator("table", { has: page.getByRole("checkbox", { name: zh.weeding.selectAll }) });
  const boxes = proposals.locator("tbody input[type=checkbox]");
  await expect(boxes.first()).toBeVisible();
  const picked: string[] = [];
  for (let i = 0; i < 2; i++) {
    const box = boxes.nth(i);
    picked.push((await box.getAttribute("aria-label"))!);
    await box.check();
  }
  await expect(page.getByText("已选 2 份")).toBeVisible();
  await page.getByLabel(zh.weeding.reason).fill("保管期满，经鉴定无继续保存价值");
  await page.getByRole("button", { name: zh.weeding.create }).click();
  await expect(page).toHaveURL(/\/archive\/weeding\/[0-9a-f-]{36}$/);
  const listUrl = page.url();
  const listNo = (await page.locator("h1 .font-mono").innerText()).trim();
  expect(listNo).toMatch(/^XH-\d{4}-\d{3}$/);
  await page.getByRole("button", { name: zh.weeding.submit }).click();
  await expect(page.locator("h1")).toContainText(zh.weeding.statuses.submitted);

  const mgr = await (await browser.newContext()).newPage();
  await signInAs(mgr, "manager");
  await mgr.goto("/archive/weeding");
  await expect(mgr.getByRole("link", { name: listNo }).first()).toBeVisible();
  await mgr.goto(listUrl);
  await mgr.getByLabel(zh.weeding.comment).fill("同意销毁");
  await mgr.getByRole("button", { name: zh.weeding.approve }).click();
  await expect(mgr.locator("h1")).toContainText(zh.weeding.statuses.approved);
  for (const no of picked) await expect(mgr.locator("tbody tr", { hasText: no })).toContainText(zh.archiveSearch.statuses.destroyed);

  // The search list shows them 已销毁 too; the list itself stays on record.
  await mgr.goto(`/archive?q=${encodeURIComponent(picked[0]!)}`);
  await expect(mgr.locator("tbody tr", { hasText: picked[0]! })).toContainText(zh.archiveSearch.statuses.destroyed);
});
