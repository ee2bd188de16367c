import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, signInAs, zh } from "../fixtures";

// 档案盒标签 and 盘点 (issue 10 §3) against the production build: the archivist ticks boxes and
// gets one PDF of labels; a label's QR code (read from the print page) opens the box after
// sign-in; a stock-take is scanned by typing + Enter and finished.

test("[档案] archivist prints a label sheet of two boxes as a PDF; the QR link opens the box after sign-in", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "archivist");
  await page.goto("/archive/boxes");
  const picks = page.locator("tbody input[type=checkbox]");
  await expect(picks.first()).toBeVisible();
  const codes: string[] = [];
  for (let i = 0; i < 2; i++) {
    const box = picks.nth(i);
    codes.push((await page.locator("tbody tr").nth(i).locator("td").nth(1).innerText()).trim());
    await box.check();
  }
  await page.getByRole("button", { name: zh.labels.preset.replace("{columns}", "3").replace("{rows}", "8") }).click();
  await page.getByRole("button", { name: zh.labels.printLabels }).click();
  const pdfLink = page.getByTestId("label-pdf");
  await expect(pdfLink).toBeVisible();
  const href = (await pdfLink.getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/print\/labels\/[0-9a-f-]{36}$/);

  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const dir = process.env.PRINT_SAMPLES_DIR ?? path.join(os.tmpdir(), "print-samples");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "e2e-labels.pdf");
  fs.writeFileSync(file, await res.body());
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", timeout: 20_000 });
  for (const c of codes) expect(text).toContain(c);
  expect(text).toMatch(/KH-\d{4}-\d{6}/);
  expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Pages:\s+1\b/);

  // The QR code encodes the box page; the print page carries the same URL beside each code.
  await page.goto(href.replace("/api/print/", "/print/"));
  const link = (await page.locator("[data-label-link]").first().getAttribute("data-label-link"))!;
  const boxPath = new URL(link).pathname;
  expect(boxPath).toMatch(/^\/archive\/boxes\/[0-9a-f-]{36}$/);

  // A colleague scans it on a phone: sign-in first, then the box.
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(boxPath);
  await expect(phone).toHaveURL(/\/login/);
  await signInAs(phone, "staff");
  await phone.goto(boxPath);
  await expect(phone.getByRole("heading", { level: 1 })).toContainText(codes[0]!);
  await expect(phone.locator("tbody tr").first()).toContainText(/KH-\d{4}-\d{6}/);
});

test("[档案] archivist takes stock of a box by scanning: one file found, the other missing; the result is kept", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, "archivist");
  await page.goto("/archive/boxes?q=5层");
  await page.locator("tbody a").first().click();
  await expect(page).toHaveURL(/\/archive\/boxes\/[0-9a-f-]{36}$/);
  const numbers = await page.locator("tbody tr td:first-child").allInnerTexts();
  expect(numbers.length).toBeGreaterThan(0);
  await page.getByRole("button", { name: zh.labels.startStockTake }).click();
  await expect(page).toHaveURL(/\/archive\/stock-takes\/[0-9a-f-]{36}$/);

  const scan = page.getByLabel(zh.stockTakes.scanLabel);
  await scan.fill(numbers[0]!.trim());
  await scan.press("Enter");
  await expect(page.getByTestId("scan-feed")).toContainText(numbers[0]!.trim());
  await scan.fill("ZZ-1999-000001");
  await scan.press("Enter");
  await expect(page.getByTestId("scan-feed")).toContainText("ZZ-1999-000001");
  // A wrong scan is taken back (撤销): it stays listed as withdrawn and no longer counts.
  await scan.fill("ZZ-1999-000002");
  await scan.press("Enter");
  await expect(page.getByTestId("stock-counts")).toContainText(`未知 2`);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: zh.stockTakes.withdrawLabel.replace("{archiveNo}", "ZZ-1999-000002") }).first().click();
  await expect(page.getByTestId("stock-counts")).toContainText(`未知 1`);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: zh.stockTakes.finish }).click();
  await expect(page.getByText(zh.stockTakes.statuses.finished).first()).toBeVisible();
  await expect(page.getByTestId("stock-counts")).toContainText(`在位 1`);
  await expect(page.getByTestId("stock-counts")).toContainText(`未知 1`);
  await expect(page.getByRole("button", { name: zh.stockTakes.finish })).toHaveCount(0);
});
