import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiDay } from "../../server/domain/time";
import { statsCsv, statsTable, statsXlsx } from "../../server/domain/complaints/stats.service";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 投诉统计 (issue 6 item 6): counts, rates and satisfaction from real complaints; CSV and XLSX.
const t = useTestDatabase();
let staff: Caller, supervisor: Caller;
let staffName: string;
const today = shanghaiDay(new Date());

beforeAll(async () => {
  const s = await signedInAs(t.db, ["staff"]);
  staff = s.caller;
  staffName = s.user.displayName;
  supervisor = (await signedInAs(t.db, ["supervisor"])).caller;
  const a = await t.db.complaintCategory.create({ data: { code: "GCZL", name: "工程质量" } });
  const b = await t.db.complaintCategory.create({ data: { code: "WYFW", name: "物业服务" } });
  const intake = (categoryId: string, extra: Record<string, unknown> = {}) => staff.complaints.intake({ channel: "phone", categoryId, complainantName: "业主", content: "统计用投诉", ...extra });
  const c1 = await intake(a.id);
  const c2 = await intake(a.id, { channel: "visit", severity: "major" });
  const c3 = await intake(b.id);
  await intake(b.id, { channel: "online" });
  await staff.complaints.resolve({ complaintId: c1.id, note: "已处理" });
  await staff.complaints.callback({ complaintId: c1.id, satisfaction: "satisfied", note: "满意" });
  await staff.complaints.resolve({ complaintId: c2.id, note: "已处理" });
  await supervisor.complaints.callback({ complaintId: c2.id, satisfaction: "dissatisfied", note: "不满意" });
  await staff.complaints.resolve({ complaintId: c3.id, note: "已处理" });
});

describe("complaint statistics", () => {
  it("count by category, channel, severity, person and month, with rates and satisfaction", async () => {
    const s = await supervisor.complaints.stats.summary({ from: today, to: today });
    expect(s.total).toBe(4);
    expect(s.byCategory).toEqual([{ name: "工程质量", count: 2 }, { name: "物业服务", count: 2 }]);
    expect(s.byChannel).toEqual([{ name: "phone", count: 2 }, { name: "online", count: 1 }, { name: "visit", count: 1 }]);
    expect(s.bySeverity).toEqual([{ name: "normal", count: 3 }, { name: "major", count: 1 }]);
    expect(s.byPerson).toEqual([{ name: staffName, count: 4 }]);
    expect(s.byMonth).toEqual([{ name: today.slice(0, 7), count: 4 }]);
    // Three were resolved (the reopened one still counts as owed and called back): 2 of 3 called back.
    expect(s.callbackRate).toMatchObject({ num: 2, den: 3, percent: "66.7" });
    expect(s.onTimeReply).toMatchObject({ num: 3, den: 3 });
    expect(s.satisfaction.find((x) => x.name === "dissatisfied")?.count).toBe(1);
    expect((await supervisor.complaints.stats.summary({ from: "2020-01-01", to: "2020-01-31" })).total).toBe(0);
  });

  it("are for the supervisor and the manager only, and refuse a bad period", async () => {
    expect((await refusalOf(staff.complaints.stats.summary({ from: today, to: today }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(supervisor.complaints.stats.summary({ from: "2026-13-01", to: today }))).code).toBe("BAD_REQUEST");
    expect((await refusalOf(supervisor.complaints.stats.summary({ from: today, to: "2020-01-01" }))).code).toBe("BAD_REQUEST");
  });

  it("export as CSV and XLSX with the same figures", async () => {
    const s = await supervisor.complaints.stats.summary({ from: today, to: today });
    const table = statsTable(s, "zh-CN");
    const csv = statsCsv(table);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("回访率,,66.7% (2/3)");
    expect(csv).toContain("按类别,工程质量,2");
    expect(csv).toContain("满意度分布,不满意,1");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await statsXlsx(table, "投诉统计")) as never);
    const ws = wb.getWorksheet("投诉统计")!;
    const rows = ws.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(["按渠道", "来访", 1]);
    expect(rows).toContainEqual([`${today} ~ ${today}`, "投诉总数", 4]);
  });
});
