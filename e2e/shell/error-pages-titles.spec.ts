import { test, expect, signInAs, zh } from "../fixtures";

// Issue 17 §5 and §6: error pages in the user's language inside the portal's frame, each tab its
// own title, a favicon, and 打印所选 refusing an empty selection before any tab opens.
const ep = zh.common.errorPage;
const app = zh.app.name;

test("[界面] a URL no page answers, signed in: the Chinese 404 inside the frame, and the way back", async ({ page }) => {
  await signInAs(page, "staff");
  const res = await page.goto("/complaints/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: ep.notFoundTitle })).toBeVisible();
  await expect(page.getByTestId("sidebar")).toBeVisible();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page.getByRole("button", { name: ep.backPrevious })).toBeVisible();
  await expect(page).toHaveTitle(`${ep.notFoundTitle} · ${app}`);
  await expect(page.getByText("This page could not be found")).toHaveCount(0);
  await page.getByRole("link", { name: ep.backHome }).click();
  await expect(page).toHaveURL(/\/$/);

  // notFound() in a portal page (a record that does not exist): the same page, in the frame.
  await page.goto("/complaints/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: ep.notFoundTitle })).toBeVisible();
  await expect(page.getByTestId("sidebar")).toBeVisible();
  // 返回上一页 goes back in the history.
  await page.getByRole("button", { name: ep.backPrevious }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("[界面] each page has its own title: the dashboard, a list, a complaint by its number", async ({ page }) => {
  await signInAs(page, "staff");
  await expect(page).toHaveTitle(`${zh.pageTitles.dashboard} · ${app}`);
  await page.goto("/complaints");
  await expect(page).toHaveTitle(`${zh.complaints.title} · ${app}`);
  await page.locator('main a[href^="/complaints/"]').filter({ hasText: /^TS-\d{4}-\d{4}$/ }).first().click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);
  const complaintNo = (await page.locator("h1 .font-mono").innerText()).trim();
  expect(complaintNo).toMatch(/^TS-\d{4}-\d{4}$/);
  await expect(page).toHaveTitle(`${complaintNo} · ${zh.pageTitles.complaint} · ${app}`);
});

test("[界面] /favicon.ico and the icon answer 200", async ({ request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toContain("image/");
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
});

test("[界面] 打印所选 with nothing ticked: a message beside the button and no new tab; the route answers a Chinese page", async ({ page }) => {
  await signInAs(page, "archivist");
  await page.goto("/print");
  const form = page.getByTestId("print-batch-handover");
  const opened: unknown[] = [];
  page.context().on("page", (p) => opened.push(p));
  await form.getByRole("button", { name: zh.print.printSelected }).click();
  await expect(form.getByRole("alert")).toHaveText(zh.print.noneSelected);
  expect(opened).toHaveLength(0);
  expect(page.context().pages()).toHaveLength(1);

  // The form without JS (or a typed URL) lands on the route: a page in Chinese, not raw JSON.
  const res = await page.request.get("/api/print/handover/batch", { headers: { Accept: "text/html,application/xhtml+xml" } });
  expect(res.status()).toBe(400);
  expect(res.headers()["content-type"]).toContain("text/html");
  const html = await res.text();
  expect(html).toContain(zh.errors.PRINT_NONE_SELECTED);
  expect(html).toContain(zh.print.backToPrint);
});
