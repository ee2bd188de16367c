import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, signInAs, zh } from "../fixtures";

// Issue 8, the remaining forms against the production build: 打印 on a complaint streams the
// 投诉处理单 PDF; the new forms are offered on 表单打印 and a batch of them is one PDF.

async function pdfText(page: Page, url: string, name: string): Promise<string> {
  const res = await page.request.get(url, { timeout: 90_000 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const dir = process.env.PRINT_SAMPLES_DIR ?? path.join(os.tmpdir(), "print-samples");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `e2e-${name}.pdf`);
  fs.writeFileSync(file, await res.body());
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", timeout: 20_000 });
}

async function clickForPdf(page: Page, click: () => Promise<void>, urlPart: string): Promise<string> {
  const response = page.context().waitForEvent("response", { predicate: (r) => r.url().includes(urlPart), timeout: 45_000 });
  await click();
  const res = await response;
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  return res.url();
}

test("[打印] supervisor opens a complaint, clicks 打印 and receives the 投诉处理单 PDF with its number", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "supervisor");
  await page.goto("/complaints");
  const link = page.locator("tbody tr a", { hasText: /^TS-\d{4}-\d{4}$/ }).first();
  const complaintNo = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(complaintNo);

  const button = page.locator('[data-testid="print-button"][data-form="complaint-sheet"]');
  await expect(button).toHaveText(zh.print.print);
  const url = await clickForPdf(page, () => button.click(), "/api/print/complaint-sheet/");
  const text = await pdfText(page, url, "complaint-sheet");
  expect(text).toContain("投诉处理单");
  expect(text).toContain(complaintNo);
  expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
});

test("[打印] the new forms are on 表单打印; two complaint sheets selected → one PDF; the archivist may not open one", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "manager");
  await page.goto("/print");
  for (const key of ["complaint-sheet", "complaint-callback", "repair", "certificate-handout", "appraisal", "borrow-register", "complaint-stats", "appraisal-stats"]) {
    await expect(page.getByTestId(`print-batch-${key}`)).toBeVisible();
  }
  const batch = page.getByTestId("print-batch-complaint-sheet");
  const boxes = batch.getByRole("checkbox");
  const [a, b] = [await boxes.nth(0).getAttribute("aria-label"), await boxes.nth(1).getAttribute("aria-label")];
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const url = await clickForPdf(page, () => batch.getByRole("button", { name: zh.print.printSelected }).click(), "/api/print/complaint-sheet/batch");
  const text = await pdfText(page, url, "complaint-sheet-batch");
  expect(text).toContain(a!);
  expect(text).toContain(b!);

  // The role is checked before anything renders: the archivist holds no complaint role.
  const other = await browser.newContext();
  const archivist = await other.newPage();
  await signInAs(archivist, "archivist");
  const id = new URL(url).searchParams.get("ids")!.split(",")[0]!;
  const refused = await archivist.request.get(`/api/print/complaint-sheet/${id}`);
  expect(refused.status()).toBe(403);
  await other.close();
});
