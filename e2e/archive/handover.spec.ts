import ExcelJS from "exceljs";
import { test, expect, signInAs, unique, zh } from "../fixtures";

const h = zh.handover;

/** A small 移交清单 as the marketing department sends it (XLSX, Chinese headers). */
async function handoverList(a: string, b: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("移交清单");
  ws.addRow(["楼号", "房号", "客户姓名", "资料名称", "份数"]);
  ws.addRow(["5栋", "0101", a, "认购书", 1]);
  ws.addRow(["5栋", "0101", a, "身份证复印件", 1]);
  ws.addRow(["5", "0102", b, "商品房买卖合同（正、副本，备案）", 2]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("[档案] archivist imports a 移交清单, marks one line 缺失, signs, and opens the created file", async ({ page }, testInfo) => {
  const a = unique("甲", testInfo);
  const b = unique("乙", testInfo);
  await signInAs(page, "archivist");
  await page.goto("/archive/handover");
  await page.getByRole("link", { name: h.newBatch }).click();

  await page.getByLabel(h.project).selectOption({ label: "华景园（HJY）" });
  await page.getByRole("tab", { name: h.tabImport }).click();
  await page.getByLabel(h.file).setInputFiles({ name: "移交清单.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await handoverList(a, b) });
  await page.getByRole("button", { name: h.importSubmit }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(/移交批次 YJ-\d{4}-\d{4}/);
  await expect(page.getByTestId("handover-progress")).toHaveText("已核对 0 / 3 行");

  // The line of 甲's ID copy did not come with the file.
  const idCopy = page.getByRole("region", { name: `5栋0101 · ${a}` }).getByRole("row", { name: /身份证复印件/ });
  await idCopy.getByRole("button", { name: h.checks.missing }).click();
  await expect(idCopy.getByText(h.checks.missing, { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("handover-progress")).toHaveText("已核对 1 / 3 行");

  // Signing is refused while lines are pending; then the rest arrived.
  await page.getByRole("button", { name: h.sign }).click();
  await expect(page.getByText("还有 2 行未核对，全部核对后才能签收。")).toBeVisible();
  await page.getByRole("button", { name: h.checkAll }).click();
  await expect(page.getByTestId("handover-progress")).toHaveText("已核对 3 / 3 行");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: h.sign }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(h.statuses.signed);
  const records = page.getByTestId("handover-records");
  await expect(records.getByRole("row")).toHaveCount(2);
  await expect(records).toContainText(`客户信息档案 · 华景园5栋0101 · ${a}`);
  await expect(records).toContainText(`客户信息档案 · 华景园5栋0102 · ${b}`);
  const archiveNo = (await records.getByRole("row").first().locator("td").first().innerText()).trim();
  expect(archiveNo).toMatch(/^KH-\d{4}-\d{6}$/);
  // The missing line stays on the signed batch, read-only.
  await expect(page.getByRole("row", { name: /身份证复印件/ })).toContainText(h.checks.missing);
  await expect(page.getByRole("button", { name: h.checks.missing })).toHaveCount(0);

  await records.getByRole("link", { name: h.open }).first().click();
  await expect(page).toHaveURL(/\/archive\/[0-9a-f-]{36}$/);
  await expect(page.getByText(archiveNo).first()).toBeVisible();
});

test("[档案] a 移交清单 with bad rows lists them and registers nothing", async ({ page }, testInfo) => {
  const name = unique("丙", testInfo);
  await signInAs(page, "archivist");
  await page.goto("/archive/handover/new");
  await page.getByLabel(h.project).selectOption({ label: "华景园（HJY）" });
  await page.getByRole("tab", { name: h.tabImport }).click();
  const csv = `楼号,房号,客户姓名,资料名称,份数\n4栋,0101,${name},认购书,1\n1栋,0101,${name},认购书,0\n`;
  await page.getByLabel(h.file).setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: h.importSubmit }).click();
  const alert = page.getByRole("alert").filter({ hasText: "未登记任何内容" });
  await expect(alert).toContainText("第 2 行：所选项目中没有楼栋“4栋”");
  await expect(alert).toContainText("第 3 行：份数“0”不是正整数");
  await expect(page).toHaveURL(/\/archive\/handover\/new$/);
});
