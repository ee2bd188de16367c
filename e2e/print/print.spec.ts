import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIResponse, Page } from "@playwright/test";
import { test, expect, signInAs, zh } from "../fixtures";

// 表单打印 (issue 8) against the production build: the 打印 button streams an A4 PDF rendered by
// the server's Chromium from the real print page; the role is checked before rendering.
const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date());
// The demo seed's paperwork (prisma/seed/archive-paperwork.ts) is created first on a fresh database.
const LONG_BATCH = `YJ-${year}-0001`;
const SHORT_BATCH = `YJ-${year}-0002`;
const DESTROY_LIST = `XH-${year}-001`;

/** The PDF's text; the PDF is kept in the samples folder (next to the integration tests' ones). */
async function pdfTextOf(res: APIResponse, name: string): Promise<string> {
  const dir = process.env.PRINT_SAMPLES_DIR ?? path.join(os.tmpdir(), "print-samples");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `e2e-${name}.pdf`);
  fs.writeFileSync(file, await res.body());
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", timeout: 20_000 });
}

/** Clicks the element and returns the PDF response it opened (in a new tab). */
async function clickForPdf(page: Page, click: () => Promise<void>, urlPart: string) {
  const response = page.context().waitForEvent("response", { predicate: (r) => r.url().includes(urlPart), timeout: 45_000 });
  await click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  return res.url();
}

test("[打印] archivist clicks 打印 on a hand-over batch and receives the 移交清单 PDF; the print is in 我的打印记录", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "archivist");
  await page.goto("/archive/handover");
  await page.getByRole("link", { name: LONG_BATCH }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(LONG_BATCH);

  const button = page.getByTestId("print-button");
  await expect(button).toHaveText(zh.print.print);
  await expect(button).toHaveAttribute("target", "_blank");
  const url = await clickForPdf(page, () => button.click(), "/api/print/handover/");
  // The bytes of the same PDF, read back as text.
  const res = await page.request.get(url, { timeout: 90_000 });
  const text = await pdfTextOf(res, "handover");
  expect(text).toContain("客户档案移交清单");
  expect(text).toContain(LONG_BATCH);
  expect(text).toContain("华景园");
  expect(text).toMatch(/第\s*2\s*页\s*共\s*2\s*页/);

  // The same form as a page in the browser, with a link to its PDF.
  await page.goto(new URL(url).pathname.replace("/api/print/", "/print/"));
  await expect(page.getByRole("heading", { level: 1, name: "客户档案移交清单" })).toBeVisible();
  await expect(page.getByRole("link", { name: zh.print.download })).toBeVisible();

  await page.goto("/print");
  await expect(page.getByTestId("print-recent").locator("tr", { hasText: LONG_BATCH }).first()).toBeVisible();
});

test("[打印] batch: two hand-over batches selected on 表单打印 → one PDF; staff is refused the destruction list before rendering", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "archivist");
  await page.goto("/print");
  const batchForm = page.getByTestId("print-batch-handover");
  await batchForm.getByRole("checkbox", { name: LONG_BATCH }).check();
  await batchForm.getByRole("checkbox", { name: SHORT_BATCH }).check();
  const url = await clickForPdf(page, () => batchForm.getByRole("button", { name: zh.print.printSelected }).click(), "/api/print/handover/batch");
  const text = await pdfTextOf(await page.request.get(url, { timeout: 90_000 }), "handover-batch");
  expect(text).toContain(LONG_BATCH);
  expect(text).toContain(SHORT_BATCH);
  // Each form numbered on its own: 第 1–2 页 共 2 页, then 第 1 页 共 1 页.
  expect(text).toMatch(/第\s*2\s*页\s*共\s*2\s*页/);
  expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);

  // The destruction list from its own page, with the manager's approval on it.
  await page.goto("/archive/weeding");
  await page.getByRole("link", { name: DESTROY_LIST }).first().click();
  const listUrl = await clickForPdf(page, () => page.getByTestId("print-button").click(), "/api/print/weeding/");
  const listText = await pdfTextOf(await page.request.get(listUrl), "weeding");
  expect(listText).toContain("档案剔除/销毁清单");
  expect(listText).toContain("同意销毁");

  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "staff");
  const refused = await staff.request.get(new URL(listUrl).pathname);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).message).toBe(zh.errors.FORBIDDEN);
  await staff.close();
});

test("[打印] staff opening another person's borrow slip print page is refused, not a server error", async ({ page, browser }) => {
  await signInAs(page, "manager");
  await page.goto(`/borrowing/register?borrower=${encodeURIComponent("黄伟")}`);
  const href = await page.locator('a[href^="/borrowing/"]').filter({ hasText: /JY-/ }).first().getAttribute("href");
  const slipId = href!.split("/").pop()!;
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "staff");
  const res = await staff.goto(`/print/borrow-slip/${slipId}`);
  expect(res!.status()).toBeLessThan(500);
  await expect(staff).toHaveURL(/\/forbidden$/);
  await staff.close();
});
