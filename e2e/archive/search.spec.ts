import { test, expect, signInAs, zh } from "../fixtures";

// 档案检索 (issue 4 item 6): Chinese substring search and exact-only personal data. The ID number
// is learnt the way a permitted user learns it: the archivist reveals it with a reason.
test("[档案] staff finds a file by a 2-character name and an exact ID number, not by a partial one", async ({ browser }) => {
  const archivistPage = await (await browser.newContext()).newPage();
  await signInAs(archivistPage, "archivist");
  await archivistPage.goto("/archive");
  const row = archivistPage.locator("tbody tr", { has: archivistPage.getByRole("button", { name: zh.reveal.view }) }).first();
  await expect(row).toBeVisible();
  const archiveNo = (await row.locator("td").first().innerText()).trim();
  const name = (await row.getByTestId("client-name").innerText()).trim();
  await row.getByRole("button", { name: zh.reveal.view }).click();
  // One dialog serves the whole table.
  const dialog = archivistPage.getByRole("dialog");
  await dialog.getByLabel(zh.reveal.reason).fill("端到端测试：核对业主身份");
  await dialog.getByRole("button", { name: zh.reveal.confirm }).click();
  // The row no longer has a 查看 button once revealed: find it again by its 档号.
  const revealed = await archivistPage.locator("tbody tr", { hasText: archiveNo }).getByTestId("revealed-client").innerText();
  const idNumber = /\d{17}[\dX]/.exec(revealed)?.[0];
  expect(idNumber, revealed).toBeTruthy();

  const page = await (await browser.newContext()).newPage();
  await signInAs(page, "staff");
  await page.goto("/archive");
  const box = page.getByLabel(zh.archiveSearch.q);
  // Staff see masked numbers only, and no 查看 button.
  await expect(page.getByRole("button", { name: zh.reveal.view })).toHaveCount(0);

  await box.fill([...name].slice(0, 2).join(""));
  await box.press("Enter");
  await expect(page.getByRole("link", { name: archiveNo })).toBeVisible();

  await page.getByLabel(zh.archiveSearch.q).fill(idNumber!);
  await page.getByLabel(zh.archiveSearch.q).press("Enter");
  await expect(page.getByRole("link", { name: archiveNo })).toBeVisible();
  await expect(page.locator("tbody")).not.toContainText(idNumber!);
  await expect(page.locator("tbody")).toContainText(`${idNumber!.slice(0, 4)}**********${idNumber!.slice(-4)}`);

  await page.getByLabel(zh.archiveSearch.q).fill(idNumber!.slice(0, 10));
  await page.getByLabel(zh.archiveSearch.q).press("Enter");
  await expect(page.getByText(zh.archiveSearch.emptyFiltered)).toBeVisible();

  await page.getByLabel(zh.archiveSearch.q).fill(idNumber!);
  await page.getByLabel(zh.archiveSearch.q).press("Enter");
  await page.getByRole("link", { name: archiveNo }).click();
  await expect(page).toHaveURL(/\/archive\/[0-9a-f-]{36}$/);
});
