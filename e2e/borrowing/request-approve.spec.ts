import { test, expect, signInAs, zh } from "../fixtures";

// 借阅 (issue 5 items 1–2): a staff member asks for two records on one 借出单, the manager approves
// it from the approvals inbox, and the staff member sees 已批准 in 我的借阅.
test("[借阅] staff requests two records; the manager approves from the inbox; the staff member sees 已批准", async ({ browser }) => {
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "staff");
  await staff.goto("/borrowing/new");
  await expect(staff.locator("h1")).toHaveText(zh.borrowNew.title);

  // Find move-in files; take records from the end of the list (other specs start at the top).
  const search = staff.getByLabel(zh.borrowNew.searchLabel);
  await search.fill("入住档案");
  await search.press("Enter");
  const addButtons = staff.getByRole("button", { name: /^添加 / }).and(staff.locator(":enabled"));
  await expect(addButtons.first()).toBeVisible();
  const count = await addButtons.count();
  expect(count).toBeGreaterThanOrEqual(2);
  const first = (await addButtons.nth(count - 1).getAttribute("aria-label"))!.replace(/^添加 /, "");
  const second = (await addButtons.nth(count - 2).getAttribute("aria-label"))!.replace(/^添加 /, "");

  // One by the picker's button, the other typed as an exact 档号 + Enter (keyboard only).
  await addButtons.nth(count - 1).click();
  const byNo = staff.getByLabel(zh.borrowNew.archiveNoLabel);
  await byNo.fill(second);
  await byNo.press("Enter");
  const picked = staff.getByTestId("picked-records");
  await expect(picked.locator("li")).toHaveCount(2);
  await expect(picked).toContainText(first);
  await expect(picked).toContainText(second);

  // Submitting without type and purpose: the form says what is missing, in Chinese.
  await staff.getByRole("button", { name: zh.borrowNew.submit }).click();
  await expect(staff.getByText(zh.validation.borrowTypeRequired)).toBeVisible();
  await expect(staff.getByText(zh.validation.borrowPurpose)).toBeVisible();

  await staff.getByRole("radio", { name: new RegExp(`^${zh.borrowType.reading}`) }).check();
  await staff.getByLabel(zh.borrowNew.purpose).fill("业主办理入住手续变更，需核对入住资料");
  await staff.getByRole("button", { name: zh.borrowNew.submit }).click();
  await expect(staff).toHaveURL(/\/borrowing\?created=JY-\d{4}-\d{4}$/);
  const requestNo = decodeURIComponent(new URL(staff.url()).searchParams.get("created")!);
  await expect(staff.getByRole("status")).toContainText(requestNo);
  const mine = staff.getByTestId("my-slip").filter({ hasText: requestNo });
  await expect(mine.getByTestId("borrow-status")).toHaveText(zh.borrowStatus.requested);

  // The manager: the sidebar shows something waiting; approve this slip from the inbox row.
  const mgr = await (await browser.newContext()).newPage();
  await signInAs(mgr, "manager");
  await mgr.goto("/borrowing/approvals");
  await expect(mgr.locator("h1")).toHaveText(zh.borrowApprovals.title);
  await expect(mgr.getByRole("link", { name: new RegExp(`${zh.nav.borrowApprovals}\\s*\\d+`) })).toBeVisible();
  const row = mgr.getByTestId("inbox-row").filter({ hasText: requestNo });
  await expect(row).toContainText(first);
  await expect(row).toContainText(second);
  await row.getByRole("button", { name: `${zh.borrowDecision.approve} ${requestNo}` }).click();
  await expect(mgr.getByText(`借出单 ${requestNo} 已批准。`)).toBeVisible();
  await expect(mgr.getByTestId("inbox-row").filter({ hasText: requestNo })).toHaveCount(0);
  await mgr.goto("/borrowing/approvals?view=decided");
  await expect(mgr.locator("tr", { hasText: requestNo }).getByTestId("borrow-status")).toHaveText(zh.borrowStatus.approved);

  // The staff member sees 已批准, and the decision in the notifications.
  await staff.goto(`/borrowing?q=${encodeURIComponent(requestNo)}`);
  await expect(staff.getByTestId("my-slip").filter({ hasText: requestNo }).getByTestId("borrow-status")).toHaveText(zh.borrowStatus.approved);
  await staff.goto("/notifications");
  await expect(staff.getByText(new RegExp(`您的借出单 ${requestNo} 已批准`))).toBeVisible();
});
