import type { Browser, Page } from "@playwright/test";
import { test, expect, signInAs, unique, zh } from "../fixtures";

// 投诉与回访 (issue 6, DOMAIN §3): 首接负责制 intake by phone, assignment by the supervisor,
// progress and resolution by the handler, a dissatisfied callback reopening the complaint.
const c = zh.complaints;

async function as(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, login);
  return page;
}

async function step(page: Page, note: string, button: string) {
  await page.getByLabel(c.note).fill(note);
  await page.getByRole("button", { name: button, exact: true }).click();
}

test("[投诉] front desk takes a phone complaint by keyboard; supervisor assigns; handler reports and resolves; a dissatisfied callback reopens it", async ({ browser }, testInfo) => {
  const name = unique("业主", testInfo);
  const staff = await as(browser, "staff");
  await staff.goto("/complaints/new");
  // Keyboard only: the cursor starts on the complainant; Tab through; Ctrl+Enter registers.
  await expect(staff.getByLabel(c.complainant)).toBeFocused();
  await staff.keyboard.type(name);
  await staff.keyboard.press("Tab");
  await staff.keyboard.type("13912345678");
  await staff.keyboard.press("Tab"); // 渠道: 来电 by default
  await staff.keyboard.press("Tab"); // 类别
  await staff.keyboard.press("ArrowDown");
  await staff.keyboard.press("Tab"); // 严重程度: 一般
  await staff.keyboard.press("Tab");
  await expect(staff.getByLabel(c.content)).toBeFocused();
  await staff.keyboard.type("卫生间天花渗水，楼上业主不在家");
  await staff.keyboard.press("Control+Enter");
  await expect(staff).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  const url = staff.url();
  const complaintNo = (await staff.locator("h1 .font-mono").innerText()).trim();
  expect(complaintNo).toMatch(/^TS-\d{4}-\d{4}$/);
  await expect(staff.locator("h1")).toContainText(c.statuses.received);
  // Contact masked on display; the receiver owns it (首接负责制).
  await expect(staff.getByTestId("contact-phone")).toHaveText("139****5678");
  await expect(staff.locator("dl").first()).toContainText("王丽娜");

  const supervisor = await as(browser, "supervisor");
  await supervisor.goto("/complaints?view=unassigned");
  await expect(supervisor.getByRole("link", { name: complaintNo })).toBeVisible();
  await supervisor.goto(url);
  await supervisor.getByLabel(c.note).fill("请黄伟跟进，联系楼上业主");
  const person = supervisor.getByLabel(c.choosePerson);
  await person.selectOption((await person.locator("option", { hasText: "黄伟" }).getAttribute("value"))!);
  await supervisor.getByRole("button", { name: c.doAssign, exact: true }).click();
  await expect(supervisor.locator("h1")).toContainText(c.statuses.in_progress);
  await expect(supervisor.locator("[data-event=assign]")).toContainText("请黄伟跟进");

  const handler = await as(browser, "huang.wei");
  await handler.goto("/complaints?view=mine");
  await handler.getByRole("link", { name: complaintNo }).click();
  await step(handler, "已联系楼上业主，今晚上门查看", c.doProgress);
  await expect(handler.locator("[data-event=progress]")).toContainText("今晚上门查看");
  await step(handler, "楼上卫生间地漏密封圈老化，已更换", c.doResolve);
  await expect(handler.locator("h1")).toContainText(c.statuses.resolved);
  await expect(handler.locator("[data-clock=callback]").first()).toHaveAttribute("data-state", /running|dueSoon/);

  await staff.reload();
  // Hydrated before the callback form is used: a click on the server-rendered button before React
  // took over did nothing once on a busy machine (the complaint stayed 已处理).
  await expect(staff.getByTestId("global-search")).toHaveAttribute("data-hydrated", "true");
  await staff.getByLabel(c.satisfaction).selectOption({ label: c.satisfactions.dissatisfied });
  await step(staff, "业主反映仍有少量渗水", c.doCallback);
  await expect(staff.locator("h1")).toContainText(c.statuses.in_progress);
  await expect(staff.locator("h1")).toContainText(`${c.reopenCount} 1`);
  await expect(staff.locator("[data-event=reopen]")).toContainText("仍有少量渗水");
});

test("[投诉] the overdue list shows a complaint whose clocks ran out, in red", async ({ page }) => {
  await signInAs(page, "supervisor");
  await page.goto("/complaints");
  await page.getByRole("link", { name: new RegExp(c.views.overdue) }).click();
  await expect(page).toHaveURL(/view=overdue/);
  const late = page.locator("tbody tr", { hasText: "陈美玲" });
  await expect(late.locator("[data-state=late]").first()).toBeVisible();
  await expect(late.locator("[data-clock=reply]")).toContainText("超时");
});
