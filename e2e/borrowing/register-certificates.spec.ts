import ExcelJS from "exceljs";
import { test, expect, signInAs, unique, zh } from "../fixtures";
import { generateClients } from "../../prisma/seed/clients";
import { maskIdNumber } from "../../server/domain/privacy/mask";

// 借阅 (issue 5 items 6–7): the archivist narrows the 借阅登记表 down to one overdue loan of the
// demo seed and downloads it as XLSX; a clerk hands a property certificate to its owner after a
// wrong ID number is refused.
const reg = zh.register;
const cert = zh.certificates;

test("[借阅] archivist filters the register to an overdue loan and downloads it as XLSX", async ({ page }) => {
  await signInAs(page, "archivist");
  await page.goto("/borrowing/register");
  await expect(page.locator("h1")).toHaveText(reg.title);
  await expect(page.getByTestId("register-rows").locator("tr").first()).toBeVisible();

  // 王丽娜's overdue loan from the seed (办理产权证): borrower + overdue only.
  await page.getByLabel(reg.borrower).fill("王丽娜");
  await page.getByLabel(reg.overdueOnly).check();
  await page.getByRole("button", { name: reg.apply }).click();
  await expect(page).toHaveURL(/borrower=.*overdue=1/);
  const rows = page.getByTestId("register-rows").locator("tr");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("办理产权证，提交买卖合同原件");
  await expect(rows).toContainText(/逾期 \d+ 天/);
  await expect(rows.getByTestId("borrow-status")).toHaveText(zh.borrowStatus.lent);
  const requestNo = (await rows.locator("a").first().textContent())!.trim();
  expect(requestNo).toMatch(/^JY-\d{4}-\d{4}$/);

  // Sorting keeps the filters.
  await page.getByRole("link", { name: reg.colDueOn }).click();
  await expect(page).toHaveURL(/sort=dueOn/);
  await expect(page).toHaveURL(/overdue=1/);
  await expect(rows).toHaveCount(1);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: reg.exportXlsx }).click()]);
  expect(download.suggestedFilename()).toMatch(/^借阅登记表-\d{8}-\d{4}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.getWorksheet(reg.export.sheetName)!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 4)).toEqual([reg.export.requestNo, reg.export.borrower, reg.export.borrowType, reg.export.status]);
  expect(ws.rowCount).toBe(2);
  const cell = (name: string) => ws.getRow(2).getCell(header.indexOf(name) + 1).value;
  expect(cell(reg.export.requestNo)).toBe(requestNo);
  expect(cell(reg.export.borrower)).toBe("王丽娜");
  expect(cell(reg.export.purpose)).toBe("办理产权证，提交买卖合同原件");
  expect(String(cell(reg.export.overdue))).toMatch(/^逾期 \d+ 天$/);
});

test("[借阅] a clerk hands a certificate to the owner after a wrong ID number is refused", async ({ page }, testInfo) => {
  // A 华景园 buyer (the seed's hand-outs are in 锦湖湾); the ID number is the seed's own.
  const owner = generateClients().find((c) => c.kind === "individual" && c.relation === "buyer" && c.unitKey.startsWith("HJY/"))!;
  const [, building, unitNo] = owner.unitKey.split("/");
  const certificateNo = `粤(2026)广州市不动产权第${unique("E2E", testInfo)}号`;

  await signInAs(page, "staff");
  await page.goto("/borrowing/certificates");
  await expect(page.locator("h1")).toHaveText(cert.title);
  await page.getByRole("link", { name: cert.new }).click();
  await expect(page.locator("h1")).toHaveText(cert.newTitle);

  // Find the unit by the owner's name; the buyers appear with masked ID numbers only.
  await page.getByLabel(cert.findUnit).fill(owner.name);
  await page.getByRole("button", { name: new RegExp(`华景园 ${building}栋 ${unitNo}`) }).click();
  const ownerRadio = page.getByRole("radio", { name: new RegExp(owner.name) });
  await expect(ownerRadio).toBeVisible();
  await expect(page.getByTestId("buyer-id-masked").first()).toHaveText(maskIdNumber(owner.idNumber));
  await expect(page.locator("body")).not.toContainText(owner.idNumber);
  await ownerRadio.check();
  await page.getByLabel(cert.certificateNo).fill(certificateNo);

  // A wrong digit: refused in Chinese, at the ID field, and nothing is recorded.
  const wrong = owner.idNumber.slice(0, 16) + (owner.idNumber[16] === "1" ? "2" : "1") + owner.idNumber.slice(17);
  await page.getByLabel(cert.ownerIdNumber).fill(wrong);
  await page.getByRole("button", { name: cert.submit }).click();
  const message = zh.errors.CERT_ID_MISMATCH;
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  await expect(page).toHaveURL(/\/borrowing\/certificates\/new$/);

  // The right number (lower-case x is fine), the owner signs at the desk.
  await page.getByLabel(cert.ownerIdNumber).fill(owner.idNumber.toLowerCase());
  await page.getByLabel(cert.confirmed).check();
  await page.getByRole("button", { name: cert.submit }).click();
  await expect(page).toHaveURL(/\/borrowing\/certificates\/[0-9a-f-]{36}$/);
  await expect(page.locator("h1")).toHaveText(/^产权证领取确认单 LQ-\d{4}-\d{4}$/);
  await expect(page.locator("dl")).toContainText(certificateNo);
  await expect(page.locator("dl")).toContainText(owner.name);
  await expect(page.locator("dl")).toContainText(maskIdNumber(owner.idNumber));
  await expect(page.locator("dl")).toContainText(cert.kindOwner);
  await expect(page.locator("dl")).toContainText("已签收");

  // The book holds exactly one hand-out of this certificate: the refused attempt left nothing.
  await page.goto(`/borrowing/certificates?q=${encodeURIComponent(certificateNo.slice(-12))}`);
  const book = page.getByTestId("handout-row");
  await expect(book).toHaveCount(1);
  await expect(book).toContainText(owner.name);
  await expect(book).toContainText(cert.byOwner);
  await expect(book).toContainText("王丽娜");
});
