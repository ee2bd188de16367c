import { test, expect, signInAs, unique, zh } from "../fixtures";

const ta = zh.archive;

test("[档案] archivist registers a client file with a missing item; the record page and the incomplete list show it", async ({ page }, testInfo) => {
  const title = unique("华景园1栋0201 苏桂英 补登档案", testInfo);
  await signInAs(page, "archivist");
  await page.goto("/archive/new");
  await page.getByLabel(ta.class).selectOption({ label: "KH 客户信息档案" });
  await page.getByLabel(ta.title).fill(title);
  await page.getByLabel(ta.project, { exact: true }).selectOption({ label: "华景园" });
  await page.getByLabel(ta.building, { exact: true }).selectOption({ label: "1栋" });
  await page.getByLabel(ta.unit, { exact: true }).selectOption({ label: "0201" });
  const client = page.getByLabel(ta.client, { exact: true });
  await expect(client.locator("option", { hasText: "苏桂英" })).toHaveCount(1);
  // The owner is shown with a masked ID number, never the full one.
  await expect(client.locator("option", { hasText: "苏桂英" })).toHaveText(/\d{4}\*{10}[\dX]{4}/);
  await client.selectOption({ label: (await client.locator("option", { hasText: "苏桂英" }).textContent())! });

  // Pre-filled from the individual buyer's checklist; the ID copy was not handed over.
  const idCopy = page.locator('[data-testid="paper-items"] > [data-item="身份证复印件"]');
  await expect(idCopy).toBeVisible();
  await expect(page.locator('[data-testid="paper-items"] > [data-item="营业执照副本复印件"]')).toHaveCount(0);
  await idCopy.getByRole("button", { name: ta.removePaperItem }).click();
  await expect(idCopy).toHaveCount(0);
  await page.getByLabel(ta.cabinet).fill("柜A");
  await page.getByLabel(ta.shelf).fill("1层");
  await page.getByLabel(ta.box).fill("30盒");
  await page.getByRole("button", { name: ta.createRecord }).click();

  await expect(page).toHaveURL(/\/archive\/[0-9a-f-]{36}$/);
  const archiveNo = (await page.getByTestId("archive-no").textContent())!.trim();
  expect(archiveNo).toMatch(/^KH-\d{4}-\d{6}$/);
  await expect(page.getByTestId("location")).toHaveText("柜A-1层-30盒");
  const percent = Number((await page.getByTestId("completeness-percent").first().textContent())!.replace(/\D/g, ""));
  expect(percent).toBeLessThan(100);
  await expect(page.getByTestId("missing-list")).toContainText("身份证复印件");
  await expect(page.getByText(/\d{4}\*{10}[\dX]{4}/).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: zh.auditActions.archive_create })).toBeVisible();

  // The client-file list, filtered to 华景园 1栋 and incomplete files, lists it with its missing item.
  await page.goto("/archive/client-files");
  await page.getByLabel(ta.project, { exact: true }).selectOption({ label: "华景园" });
  await page.getByRole("button", { name: ta.apply }).click();
  await page.getByLabel(ta.building, { exact: true }).selectOption({ label: "1栋" });
  await page.getByLabel(ta.incompleteOnly).check();
  await page.getByRole("button", { name: ta.apply }).click();
  await expect(page).toHaveURL(/incomplete=1/);
  const row = page.locator("tbody tr", { hasText: archiveNo });
  await expect(row).toBeVisible();
  await expect(row).toContainText("身份证复印件");
  // Every row of the incomplete list is below 100 %.
  for (const p of await page.getByTestId("completeness-percent").allTextContents()) expect(Number(p.replace(/\D/g, ""))).toBeLessThan(100);

  // The keeper hands in the missing copy: the file becomes complete.
  await row.getByRole("link", { name: archiveNo }).click();
  const form = page.getByRole("heading", { name: ta.editPaperItems }).locator("xpath=ancestor::section");
  await form.getByRole("button", { name: ta.addPaperItem }).click();
  const last = form.locator('[data-testid="paper-items"] > div').last();
  await last.getByLabel(new RegExp(`^${ta.itemName}`)).fill("身份证复印件");
  await last.getByLabel(new RegExp(`^${ta.paperCount}`)).fill("1");
  await form.getByRole("button", { name: ta.savePaperItems }).click();
  await expect(page.getByTestId("completeness-percent").first()).toHaveText(/100%/);
  await expect(page.getByRole("cell", { name: zh.auditActions.archive_updatePaperItems })).toBeVisible();
});

test("[档案] admin creates a class and adds a checklist item; a duplicate code is refused", async ({ page }, testInfo) => {
  // Class codes are upper-case letters only: spell the unique suffix in letters.
  const code = unique("", testInfo).replace(/[0-9]/g, (d) => "ABCDEFGHIJ"[Number(d)]!).toUpperCase().replace(/[^A-Z]/g, "").slice(-6);
  const name = `测试类别${code}`;
  await signInAs(page, "admin");
  await page.goto("/admin/archive-classes");
  await page.getByLabel(ta.classCode).fill("KH");
  await page.getByLabel(ta.className).fill(`${name}重复`);
  await page.getByRole("button", { name: ta.newClass }).click();
  await expect(page.getByText(/类别代码或名称 KH/)).toBeVisible();

  await page.getByLabel(ta.classCode).fill(code);
  await page.getByLabel(ta.className).fill(name);
  await page.getByLabel(ta.defaultRetention).selectOption({ label: ta.retention30 });
  await page.getByLabel(ta.isClientFile).check();
  await page.getByRole("button", { name: ta.newClass }).click();
  const row = page.locator("tbody tr", { hasText: name });
  await expect(row).toContainText("30 年");
  await row.getByRole("link", { name: zh.common.edit }).click();

  await expect(page.getByText(ta.noItems)).toBeVisible();
  await page.getByLabel(ta.itemName).fill("业主确认函");
  await page.getByLabel(ta.requiredCount).fill("2");
  await page.getByLabel(ta.condition).selectOption({ label: ta.conditions.co_owner });
  await page.getByRole("button", { name: ta.addItem }).click();
  const item = page.getByTestId("checklist").getByRole("form", { name: "业主确认函" });
  await expect(item).toBeVisible();
  await expect(item.getByLabel(ta.condition)).toHaveValue("co_owner");

  // Deactivated, never deleted.
  await item.getByRole("button", { name: ta.deactivate }).click();
  await expect(item.getByRole("button", { name: ta.activate })).toBeVisible();
});
