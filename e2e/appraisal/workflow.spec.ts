import { test, expect, signInAs, zh } from "../fixtures";

// Issue 7 §4: 草稿 → 已评分 → 已确认 → 已定稿, clicked through by the people who do it.
const ta = zh.appraisal;

test("[绩效考核] manager scores a monthly appraisal; the employee acknowledges; the manager finalises and can no longer edit it", async ({ browser }, testInfo) => {
  // A month nobody else uses (one 月考核 per person and month).
  const stamp = Date.now() + testInfo.workerIndex * 7919 + testInfo.retry * 104_729;
  const period = `${2040 + (Math.floor(stamp / 12) % 50)}-${String((stamp % 12) + 1).padStart(2, "0")}`;

  const mgr = await (await browser.newContext()).newPage();
  await signInAs(mgr, "manager");
  await mgr.goto("/appraisal/new");
  await mgr.getByLabel(ta.employee).selectOption({ label: `王丽娜（${ta.audiences.operational}）` });
  await mgr.getByLabel(ta.kind).selectOption({ label: ta.kinds.monthly });
  await mgr.getByLabel(ta.period).fill(period);
  await mgr.getByRole("button", { name: ta.create }).click();
  await expect(mgr).toHaveURL(/\/appraisal\/[0-9a-f-]{36}$/);
  const url = mgr.url();
  await expect(mgr.locator("h1")).toContainText(`王丽娜 · ${ta.kinds.monthly} ${period}`);
  await expect(mgr.getByTestId("live-total")).toHaveText("100.0");

  // Deduct from an item's maximum with a reason; a commendation after normal scoring.
  await mgr.getByLabel(`服务态度 ${ta.deduction}`, { exact: true }).fill("2");
  await mgr.getByLabel(`服务态度 ${ta.reason}`, { exact: true }).fill("接待业主时语气生硬");
  await mgr.getByLabel(`工作效率 ${ta.deduction}`, { exact: true }).fill("1.5");
  await mgr.getByLabel(`工作效率 ${ta.reason}`, { exact: true }).fill("一单投诉超过4小时未回复");
  await expect(mgr.getByTestId("subtotal-de")).toHaveText("18.0");
  await mgr.getByRole("button", { name: ta.addCommendation }).click();
  await mgr.getByLabel(ta.points, { exact: true }).fill("5");
  await mgr.getByLabel(ta.adjustmentReason, { exact: true }).fill("业主送锦旗表扬");
  await expect(mgr.getByTestId("live-total")).toHaveText("101.5");
  await mgr.getByRole("button", { name: ta.submitScore }).click();
  await expect(mgr.getByTestId("appraisal-total")).toHaveText("101.50");
  await expect(mgr.getByText(ta.awaitingResponse)).toBeVisible();
  await expect(mgr.getByTestId("score-sheet").getByRole("textbox")).toHaveCount(0);

  // The employee is told, reads the result and acknowledges it.
  const emp = await (await browser.newContext()).newPage();
  await signInAs(emp, "staff");
  await emp.goto("/appraisal");
  await emp.getByTestId("awaiting-ack").getByRole("link", { name: new RegExp(period) }).click();
  await expect(emp).toHaveURL(url);
  await expect(emp.getByText("接待业主时语气生硬")).toBeVisible();
  await emp.getByLabel(ta.comment, { exact: true }).fill("无异议");
  await emp.getByRole("button", { name: ta.acknowledge, exact: true }).click();
  await expect(emp.getByText(ta.responses.acknowledged)).toBeVisible();
  await expect(emp.getByRole("button", { name: ta.acknowledge, exact: true })).toHaveCount(0);

  // The manager finalises; after that nothing on the page can change it.
  await mgr.reload();
  mgr.once("dialog", (d) => void d.accept());
  await mgr.getByRole("button", { name: ta.finalise, exact: true }).click();
  await expect(mgr.getByTestId("finalised-note")).toHaveText(ta.finalisedLocked);
  await expect(mgr.getByText(ta.statuses.finalised).first()).toBeVisible();
  await expect(mgr.getByTestId("score-sheet").getByRole("textbox")).toHaveCount(0);
  await expect(mgr.getByRole("button", { name: ta.save })).toHaveCount(0);
  await expect(mgr.getByRole("button", { name: ta.reopen })).toHaveCount(0);
  await expect(mgr.getByRole("button", { name: ta.correct })).toBeVisible();
  await testInfo.attach("finalised", { body: await mgr.screenshot({ fullPage: true }), contentType: "image/png" });

  // The employee sees it 已定稿 too, and cannot open anyone else's.
  await emp.reload();
  await expect(emp.getByTestId("finalised-note")).toBeVisible();

  // Issue 17 §1: a correction linked both ways used to answer 500 on both pages from here on.
  const opens = async (page: typeof mgr, at: string) => {
    const res = await page.goto(at);
    expect(res?.status(), at).toBe(200);
    await expect(page.locator("h1")).toContainText(period);
  };
  await mgr.getByLabel(ta.correctReason, { exact: true }).fill("服务态度扣分依据有误");
  await mgr.getByRole("button", { name: ta.correct, exact: true }).click();
  await expect(mgr).not.toHaveURL(url);
  await expect(mgr).toHaveURL(/\/appraisal\/[0-9a-f-]{36}$/);
  const correction = mgr.url();
  await expect(mgr.getByTestId("original-link")).toHaveAttribute("href", new URL(url).pathname);
  await expect(mgr.getByText("服务态度扣分依据有误")).toBeVisible();
  await opens(mgr, url);
  await expect(mgr.getByTestId("correction-link")).toHaveAttribute("href", new URL(correction).pathname);
  await opens(mgr, correction);

  // Score the correction (it starts from the original's scores): half a point less deducted.
  await mgr.getByLabel(`工作效率 ${ta.deduction}`, { exact: true }).fill("1");
  await expect(mgr.getByTestId("live-total")).toHaveText("102.0");
  await mgr.getByRole("button", { name: ta.submitScore }).click();
  await expect(mgr.getByTestId("appraisal-total")).toHaveText("102.00");
  await opens(mgr, url);
  await opens(mgr, correction);

  await opens(emp, correction);
  await emp.getByRole("button", { name: ta.acknowledge, exact: true }).click();
  await expect(emp.getByText(ta.responses.acknowledged)).toBeVisible();

  await opens(mgr, correction);
  mgr.once("dialog", (d) => void d.accept());
  await mgr.getByRole("button", { name: ta.finalise, exact: true }).click();
  await expect(mgr.getByTestId("finalised-note")).toHaveText(ta.finalisedLocked);
  await opens(mgr, correction);
  await expect(mgr.getByTestId("original-link")).toBeVisible();
  await opens(mgr, url);
  await expect(mgr.getByText(ta.supersededTag).or(mgr.getByTestId("correction-link")).first()).toBeVisible();
  await opens(emp, url);
  await opens(emp, correction);
});

test("[绩效考核] the year-end page shows the weighted total; the employee sees only their own", async ({ browser }) => {
  const yz = zh.appraisalYearEnd;
  const prev = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date())) - 1;
  const mgr = await (await browser.newContext()).newPage();
  await signInAs(mgr, "manager");
  await mgr.goto(`/appraisal/year-end?year=${prev}`);
  // The seeded 王丽娜 is the worked example: 20% × 91.25 + 30% × 91.67 + 50% × 94 = 92.75.
  const wang = mgr.getByTestId("year-end-row-王丽娜");
  await expect(wang.getByTestId("year-end-total")).toHaveText("92.75");
  await expect(mgr.getByTestId("year-end-row-刘洋")).toContainText(yz.outstanding);
  await wang.getByRole("link", { name: "王丽娜" }).click();
  await expect(mgr.getByTestId("formula-line")).toHaveText("20% × 91.25 + 30% × 91.67 + 50% × 94.00 = 92.75");
  await expect(mgr.getByTestId("record-total")).toContainText("92.75");

  // This year has no 年终考评 yet: shown as missing, not as zero.
  await mgr.goto(`/appraisal/year-end?year=${prev + 1}`);
  await expect(mgr.getByTestId("year-end-row-王丽娜").getByTestId("year-end-total")).toContainText(yz.parts.yearEnd);

  const emp = await (await browser.newContext()).newPage();
  await signInAs(emp, "staff");
  await emp.goto(`/appraisal/year-end?year=${prev}`);
  await expect(emp.getByTestId("year-end-row-王丽娜").getByTestId("year-end-total")).toHaveText("92.75");
  await expect(emp.locator("tbody tr")).toHaveCount(1);
});
