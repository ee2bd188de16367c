import type { Browser, Page } from "@playwright/test";
import { test, expect, demoUser, signIn, unique, zh } from "../fixtures";

// 借还 at the archive desk (issue 5 item 3): the archivist lends an approved slip from the desk,
// the borrower confirms receipt on the slip page, the archivist takes it back marking one file
// incomplete, the slip is voided, and the record page shows the flag until the archivist clears it.
// The slip itself is written and approved through the procedures (the request pages have their own spec).

type Trpc<T> = { result: { data: { json: T } } };

async function as(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login);
  // The first sign-ins on a freshly started server (password hashing on a busy machine) can be slow.
  await expect(page.getByTestId("current-user")).toContainText(demoUser(login).displayName, { timeout: 30_000 });
  return page;
}

async function call<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as Trpc<T>).result.data.json;
}

async function createRecord(page: Page, title: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { activeOnly: true } }));
  const classes = ((await (await page.request.get(`/api/trpc/archive.records.classes?input=${input}`)).json()) as Trpc<{ id: string; code: string }[]>).result.data.json;
  const nb = classes.find((c) => c.code === "NB") ?? classes[0]!;
  return call<{ id: string; archiveNo: string }>(page, "archive.records.create", { classId: nb.id, title, formedOn: "2026-03-02", retention: "class", confidentiality: "internal" });
}

const inDays = (d: number) => new Date(Date.now() + 8 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);

test("[借阅] archivist lends an approved slip, the borrower confirms receipt, the return flags a file with a missing page", async ({ browser }, testInfo) => {
  const archivist = await as(browser, "archivist");
  const staff = await as(browser, "staff");
  const manager = await as(browser, "manager");

  const whole = await createRecord(archivist, unique("借还测试-完整", testInfo));
  const torn = await createRecord(archivist, unique("借还测试-缺页", testInfo));
  const slip = await call<{ id: string; requestNo: string }>(staff, "borrowing.requests.create", { recordIds: [whole.id, torn.id], borrowType: "takeaway", purpose: "核对签约资料", dueOn: inDays(5) });
  await call(manager, "borrowing.requests.approve", { requestId: slip.id });

  // The desk: the approved slip waits under 待借出; 借出 asks once more, then hands it over.
  await archivist.goto(`/borrowing/desk?q=${slip.requestNo}`);
  const row = archivist.getByTestId(`desk-row-${slip.requestNo}`);
  await expect(row).toContainText(whole.archiveNo);
  await row.getByRole("button", { name: `${zh.loans.lend} ${slip.requestNo}` }).click();
  await row.getByRole("button", { name: zh.common.confirm }).click();
  await expect(archivist.getByText(zh.loans.lent)).toBeVisible();
  await expect(row).toBeHidden();
  await archivist.goto(`/borrowing/desk?view=onLoan&q=${slip.requestNo}`);
  await expect(archivist.getByTestId(`desk-row-${slip.requestNo}`)).toContainText(zh.loans.notReceived);

  // The borrower signs for it on the slip page.
  await staff.goto(`/borrowing/${slip.id}`);
  await expect(staff.getByTestId("borrow-status")).toHaveText(zh.borrowStatus.lent);
  await staff.getByRole("button", { name: zh.loans.confirmReceipt }).click();
  await expect(staff.getByText(zh.loans.receiptConfirmed)).toBeVisible();
  await expect(staff.getByRole("button", { name: zh.loans.confirmReceipt })).toBeHidden();
  await expect(staff.getByTestId("received-at")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  // The borrower has no return check.
  await expect(staff.getByRole("button", { name: zh.loans.submitReturn })).toBeHidden();

  // Back at the desk: the return check, one file incomplete. Without saying what is missing it is refused.
  await archivist.goto(`/borrowing/desk?view=onLoan&q=${slip.requestNo}`);
  await archivist.getByTestId(`desk-row-${slip.requestNo}`).getByRole("link", { name: zh.loans.returnCheck }).click();
  await expect(archivist.getByTestId("request-no")).toHaveText(slip.requestNo);
  const tornLine = archivist.getByTestId(`return-item-${torn.archiveNo}`);
  await tornLine.getByLabel(zh.loans.itemIncomplete).check();
  await archivist.getByRole("button", { name: zh.loans.submitReturn }).click();
  await expect(tornLine.getByRole("alert")).toHaveText(zh.validation.missingNote);
  await tornLine.getByLabel(`${zh.loans.missingNote} ${torn.archiveNo}`).fill("缺第 3 页");
  await archivist.getByRole("button", { name: zh.loans.submitReturn }).click();
  await expect(archivist.getByText(zh.loans.returnedIncomplete.replace("{archiveNos}", torn.archiveNo))).toBeVisible();
  await expect(archivist.getByTestId("borrow-status")).toHaveText(zh.borrowStatus.returned);
  await expect(archivist.getByText(zh.loans.voided, { exact: true })).toBeVisible();
  await expect(archivist.getByTestId("check-incomplete")).toContainText("缺第 3 页");
  await expect(archivist.getByRole("cell", { name: zh.auditActions.borrow_return })).toBeVisible();

  // The record page shows the flag; the whole file has none. The archivist clears it with a note.
  await archivist.goto(`/archive/${torn.id}`);
  await expect(archivist.getByTestId("record-flag")).toContainText(`${slip.requestNo}：缺第 3 页`);
  await archivist.goto(`/archive/${whole.id}`);
  await expect(archivist.getByTestId("archive-no")).toHaveText(whole.archiveNo);
  await expect(archivist.getByTestId("record-flag")).toBeHidden();
  await staff.goto(`/archive/${torn.id}`);
  await expect(staff.getByTestId("record-flag")).toContainText("缺第 3 页");
  await expect(staff.getByRole("button", { name: zh.loans.clearFlag })).toBeHidden();

  await archivist.goto(`/archive/${torn.id}`);
  await archivist.getByLabel(zh.loans.clearFlagComment).fill("缺页已找回并归档");
  await archivist.getByRole("button", { name: zh.loans.clearFlag }).click();
  await expect(archivist.getByText(zh.loans.flagCleared)).toBeVisible();
  await expect(archivist.getByTestId("record-flag")).toBeHidden();
  await expect(archivist.getByRole("cell", { name: zh.auditActions.archive_clearFlag })).toBeVisible();

  // Returned today, voided, on the desk.
  await archivist.goto(`/borrowing/desk?view=returnedToday&q=${slip.requestNo}`);
  await expect(archivist.getByTestId(`desk-row-${slip.requestNo}`)).toContainText(zh.loans.incompleteCount.replace("{count}", "1"));
});
