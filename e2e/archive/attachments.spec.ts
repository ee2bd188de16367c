import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, signInAs, unique, zh } from "../fixtures";
import { PLAIN_TEXT, tinyPng } from "../fixtures-data/attachment-files";

// The record page (/archive/[recordId]) renders components/archive/attachments-panel.tsx.

type Trpc<T> = { result: { data: { json: T } } };

/** Registers a record the way the page's form does: through the archive.records.create procedure. */
async function createRecord(page: Page, title: string): Promise<{ id: string; archiveNo: string }> {
  const input = encodeURIComponent(JSON.stringify({ json: { activeOnly: true } }));
  const classes = await page.request.get(`/api/trpc/archive.records.classes?input=${input}`);
  expect(classes.ok()).toBe(true);
  const list = ((await classes.json()) as Trpc<{ id: string; code: string }[]>).result.data.json;
  const nb = list.find((c) => c.code === "NB") ?? list[0]!;
  const res = await page.request.post("/api/trpc/archive.records.create", {
    data: { json: { classId: nb.id, title, formedOn: "2026-03-02", retention: "class", confidentiality: "internal" } },
  });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as Trpc<{ id: string; archiveNo: string }>).result.data.json;
}

test("[档案] archivist uploads a scan, sees its SHA-256, previews it; a text file renamed .pdf is refused", async ({ page }, testInfo) => {
  await signInAs(page, "archivist");
  const record = await createRecord(page, unique("附件测试", testInfo));
  // Content unique to this run, so the checksum is this test's own.
  const png = Buffer.concat([tinyPng(testInfo.workerIndex + 3, 24, 24)]);
  const sha256 = crypto.createHash("sha256").update(png).digest("hex");

  await page.goto(`/archive/${record.id}`);
  const panel = page.getByTestId("attachments-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByText(zh.attachments.empty)).toBeVisible();

  await panel.getByTestId("attachment-input").setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: png });
  await expect(panel.getByText(`✓ ${zh.attachments.uploaded}`)).toBeVisible();
  const row = panel.getByTestId("attachment-row").filter({ hasText: "现场照片.png" });
  await expect(row).toBeVisible();
  await expect(row).toContainText(zh.attachments.types["image/png"]);
  const sha = row.getByTestId("attachment-sha");
  await expect(sha).toHaveText(`${sha256.slice(0, 8)}…${sha256.slice(-8)}`);
  await expect(sha).toHaveAttribute("title", sha256);
  await expect(row.getByRole("img")).toBeVisible();

  // 预览 opens the original inline in a new tab, byte for byte, with the detected type.
  const [popup] = await Promise.all([page.waitForEvent("popup"), row.getByRole("link", { name: zh.attachments.preview }).click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toMatch(/\/api\/archive\/attachments\/[0-9a-f-]{36}$/);
  const preview = await page.request.get(popup.url());
  expect(preview.headers()["content-type"]).toBe("image/png");
  expect(preview.headers()["content-disposition"]).toMatch(/^inline; .*filename\*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87\.png$/);
  expect(preview.headers()["x-content-type-options"]).toBe("nosniff");
  expect(crypto.createHash("sha256").update(await preview.body()).digest("hex")).toBe(sha256);
  await popup.close();

  // 下载 is an attachment download.
  const download = await page.request.get(`${popup.url()}?download=1`);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; /);

  // A text file renamed .pdf: refused by content, in Chinese, and nothing is added.
  await panel.getByTestId("attachment-input").setInputFiles({ name: "伪装的合同.pdf", mimeType: "application/pdf", buffer: PLAIN_TEXT });
  const refusal = `文件「伪装的合同.pdf」的内容不是 PDF、JPEG、PNG 或 TIFF（按文件内容识别，不看扩展名），未上传。`;
  await expect(panel.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
  await expect(panel.getByTestId("attachment-row")).toHaveCount(1);

  // 校验: the archivist re-reads the stored file and sees ✓.
  await panel.getByRole("button", { name: zh.attachments.verify }).click();
  await expect(row.getByTestId("attachment-verdict")).toHaveText(zh.attachments.verifyOk);
});

test("[档案] staff previews but has no 校验 button; a signed-out request gets no file", async ({ page, browser }, testInfo) => {
  await signInAs(page, "archivist");
  const record = await createRecord(page, unique("附件只读", testInfo));
  await page.goto(`/archive/${record.id}`);
  const png = tinyPng(100 + testInfo.workerIndex, 20, 12);
  await page.getByTestId("attachment-input").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: png });
  const link = page.getByTestId("attachment-row").getByRole("link", { name: zh.attachments.preview });
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();

  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(new URL(href!, page.url()).toString());
  expect(refused.status()).toBe(401);
  expect((await refused.json()) as { message: string }).toMatchObject({ message: zh.errors.UNAUTHENTICATED });
  await anonymous.close();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAs(staff, "staff");
  await staff.goto(`/archive/${record.id}`);
  const panel = staff.getByTestId("attachments-panel");
  await expect(panel.getByTestId("attachment-row")).toHaveCount(1);
  await expect(panel.getByRole("button", { name: zh.attachments.verify })).toHaveCount(0);
  const res = await staff.request.get(new URL(href!, staff.url()).toString());
  expect(res.status()).toBe(200);
  expect(Buffer.from(await res.body()).equals(png)).toBe(true);
  await staffContext.close();
});
