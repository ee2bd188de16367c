import type { Browser, Page } from "@playwright/test";
import { test, expect, signInAs, unique, zh } from "../fixtures";

// 整改维修联系单 (issue 6 item 5, 003): a plan of 6800 元 is reviewed by the engineering manager
// and approved by the general manager before the repair starts.
const r = zh.repairs;

async function as(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, login);
  return page;
}

test("[报修] a repair plan of 6800 元 needs the engineering manager's and the general manager's approval", async ({ browser }, testInfo) => {
  const location = unique("华景园 2栋 外墙 ", testInfo);
  const staff = await as(browser, "staff");
  await staff.goto("/complaints/repairs/new");
  await staff.getByLabel(r.location).fill(location);
  await staff.getByLabel(r.description).fill("外墙瓷砖空鼓脱落");
  await staff.getByRole("button", { name: r.create }).click();
  await expect(staff).toHaveURL(/\/complaints\/repairs\/[0-9a-f-]{36}$/);
  const url = staff.url();
  const orderNo = (await staff.locator("h1 .font-mono").innerText()).trim();
  expect(orderNo).toMatch(/^WX-\d{4}-\d{4}$/);
  await expect(staff.locator("dl").first()).toContainText("工程部"); // warranty → 工程部
  await staff.getByLabel(r.plan).fill("搭设吊篮，铲除空鼓瓷砖并重新铺贴");
  await staff.getByLabel(r.cost).fill("6800");
  await staff.getByRole("button", { name: r.submitPlan }).click();
  await expect(staff.locator("h1")).toContainText(r.statuses.pending_approval);

  // The general manager cannot decide before the engineering manager's review.
  const gm = await as(browser, "gm");
  await gm.goto(url);
  await expect(gm.getByRole("button", { name: /批准/ })).toHaveCount(0);

  const eng = await as(browser, "gcb.manager");
  await eng.goto("/complaints/repairs?mine=1");
  await eng.getByRole("link", { name: orderNo }).click();
  await eng.getByRole("button", { name: `批准（${r.levels.engineering}）` }).click();
  await expect(eng.getByText(`待${r.levels.general}审批`)).toBeVisible();
  await expect(eng.locator("h1")).toContainText(r.statuses.pending_approval);

  await gm.goto(url);
  await gm.getByRole("button", { name: `批准（${r.levels.general}）` }).click();
  await expect(gm.locator("h1")).toContainText(r.statuses.approved);

  await staff.reload();
  await staff.getByLabel(zh.complaints.note).fill("已完成铺贴并验收");
  await staff.getByRole("button", { name: r.complete }).click();
  await expect(staff.locator("h1")).toContainText(r.statuses.done);
  await staff.getByLabel(zh.complaints.satisfaction).selectOption({ label: zh.complaints.satisfactions.satisfied });
  await staff.getByLabel(zh.complaints.note).fill("业主满意");
  await staff.getByRole("button", { name: r.callback }).click();
  await expect(staff.locator("h1")).toContainText(r.statuses.called_back);
});
