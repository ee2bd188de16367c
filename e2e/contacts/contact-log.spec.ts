import { test, expect, signInAs, unique, zh } from "../fixtures";

// 来电来访登记 (issue 9 §0 §2): the front desk records a call with the keyboard alone, finds it in
// the register, and today's daily report (客户来电来访情况日报) counts it; the specialist signs it.
const c = zh.contacts;
const r = zh.contactReports;
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

test("[来电来访] the desk records a call by keyboard; it is in the list and in today's daily report", async ({ page }, testInfo) => {
  const caller = unique("来电测试", testInfo);
  await signInAs(page, "staff");
  await page.goto("/contacts/new");
  // The cursor starts on the caller; Tab walks the fields in the order of the conversation.
  await expect(page.getByLabel(c.caller)).toBeFocused();
  await page.keyboard.type(caller);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(c.callerPhone)).toBeFocused();
  await page.keyboard.type("13812340000");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(c.channel)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(c.purpose)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel(c.purpose)).toHaveValue("consult");
  await page.keyboard.press("Tab");
  await page.keyboard.type("咨询交房时间");
  await page.keyboard.press("Tab");
  await page.keyboard.type("告知预计下月交房");
  await page.keyboard.press("Control+Enter");

  await expect(page).toHaveURL(/\/contacts\?created=LD-/);
  const row = page.locator("tr", { hasText: caller });
  await expect(row).toBeVisible();
  await expect(row).toContainText(c.channels.phone);
  await expect(row).toContainText(c.purposes.consult);
  await expect(row).toContainText("138****0000");
  const contactNo = (await row.locator("td").first().innerText()).trim();
  expect(contactNo).toMatch(/^LD-\d{4}-\d{5}$/);

  // Today's entries in the register: the daily report must count exactly these.
  await page.goto(`/contacts?from=${today}&to=${today}`);
  const info = await page.getByRole("navigation", { name: "pagination" }).innerText();
  const todays = Number(/共\s*(\d+)\s*条/.exec(info)?.[1]);
  expect(todays).toBeGreaterThanOrEqual(1);

  await page.goto("/contacts/reports");
  const slot = page.locator(`[data-period="daily:${today}"]`);
  await slot.getByRole("button", { name: r.generate }).click();
  await expect(page).toHaveURL(/\/contacts\/reports\/[0-9a-f-]{36}$/);
  await expect(page.locator('[data-figure="contacts.total"] td').last()).toHaveText(String(todays));
  await page.getByLabel(r.remarks).fill("来电正常");
  await page.getByRole("button", { name: r.sign }).click();
  await expect(page.getByText(r.statuses.signed).first()).toBeVisible();
  await expect(page.getByRole("button", { name: r.sign })).toHaveCount(0);
});

test("[来电来访] the auditor reads the register and the reports but cannot record", async ({ page }) => {
  await signInAs(page, "auditor");
  await page.goto("/contacts");
  await expect(page.getByRole("heading", { name: c.title })).toBeVisible();
  await expect(page.getByRole("link", { name: c.newContact })).toHaveCount(0);
  await page.goto("/contacts/new");
  await expect(page).toHaveURL(/\/forbidden/);
  await page.goto("/contacts/reports");
  await expect(page.getByTestId("report-board")).toBeVisible();
  await expect(page.getByRole("button", { name: r.generate })).toHaveCount(0);
});
