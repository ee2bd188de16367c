import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { csvTable } from "../../server/domain/archive/handover-import";
import { exportContacts } from "../../server/domain/contacts/contacts.service";
import { contactFiltersFromParams } from "../../server/domain/contacts/contacts.schema";
import type { SessionUser } from "../../server/domain/accounts/session";
import { createTestUser, sessionFor, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 来电来访登记 导出 CSV / XLSX: the list's filters select the same entries the list shows, phones
// masked as on the page, the void reason in its own column; the route checks the list's roles
// itself and every export is audited (nothing audited when refused).
const t = useTestDatabase();

let signedIn: SessionUser | null = null;
vi.mock("../../server/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("../../server/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), db: async () => t.db }));

const NOW = new Date("2026-03-15T04:00:00Z");
const url = "http://127.0.0.1/api/contacts/export";
const audits = () => t.db.auditLog.count({ where: { action: "contact.export" } });
let desk: { caller: Caller; id: string; name: string };
const no: Record<"a" | "b" | "c" | "d", string> = {} as never;

beforeAll(async () => {
  const s = await signedInAs(t.db, ["staff"]);
  desk = { caller: s.caller, id: s.user.id, name: s.user.displayName };
  const record = (extra: Record<string, unknown>) =>
    desk.caller.contacts.record({ channel: "phone", purpose: "consult", callerName: "路人甲", callerPhone: "13700001234", content: "询问产权证办理进度", answer: "预计下月可领取", ...extra });
  no.a = (await record({ occurredAt: "2026-03-02 10:05", callerName: "张三" })).contactNo;
  no.b = (await record({ occurredAt: "2026-03-05 09:00", callerName: "李四", channel: "visit", purpose: "repair", callerPhone: "13900005678", followUpNeeded: true })).contactNo;
  const c = await record({ occurredAt: "2026-03-10 16:30", callerName: "王五", content: "=HYPERLINK(\"http://x\")" });
  no.c = c.contactNo;
  await desk.caller.contacts.void({ contactId: c.id, reason: "重复登记，见上一条" });
  no.d = (await record({ occurredAt: "2026-02-20 11:00", callerName: "赵六" })).contactNo;
});

describe("the file", () => {
  it("XLSX: the filtered entries in the list's order, phones masked, the void reason shown; audited with the filters", async () => {
    const before = await audits();
    const actor = { id: desk.id, name: desk.name, ip: "127.0.0.1" };
    const filters = { from: "2026-03-01", channel: "phone" as const, includeVoided: true, sort: "occurredAt" as const, dir: "asc" as const };
    const file = await exportContacts(t.db, actor, filters, "xlsx", "zh-CN", NOW);
    expect(file.rows).toBe(2);
    expect(file.name).toBe("客户来电来访登记_20260315-1200.xlsx");
    // The list with the same filters shows the same entries.
    const list = await desk.caller.contacts.list(filters);
    expect(list.rows.map((r) => r.contactNo)).toEqual([no.a, no.c]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("客户来电来访登记")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.rowCount).toBe(3);
    expect([2, 3].map((r) => ws.getRow(r).getCell(col("登记号")).value)).toEqual([no.a, no.c]);
    const a = ws.getRow(2);
    expect(a.getCell(col("时间")).value).toBe("2026-03-02 10:05");
    expect(a.getCell(col("方式")).value).toBe("来电");
    expect(a.getCell(col("事由")).value).toBe("咨询");
    expect(a.getCell(col("来电/来访人")).value).toBe("张三");
    expect(a.getCell(col("联系电话")).value).toBe("137****1234");
    expect(a.getCell(col("跟进")).value).toBe("无需跟进");
    expect(a.getCell(col("登记人")).value).toBe(desk.name);
    const c = ws.getRow(3);
    expect(c.getCell(col("跟进")).value).toBe("已作废");
    expect(c.getCell(col("作废原因")).value).toBe("重复登记，见上一条");
    // Typed text that a spreadsheet would run as a formula is kept as text.
    expect(c.getCell(col("内容")).value).toBe("'=HYPERLINK(\"http://x\")");
    for (let r = 1; r <= ws.rowCount; r++) expect(JSON.stringify(ws.getRow(r).values)).not.toContain("13700001234");

    expect(await audits()).toBe(before + 1);
    const [entry] = await t.db.auditLog.findMany({ where: { action: "contact.export" }, orderBy: { id: "desc" }, take: 1 });
    expect(entry).toMatchObject({ actorId: desk.id, entity: "ContactLog", after: { format: "xlsx", rows: 2, filters: { from: "2026-03-01", channel: "phone", includeVoided: true, sort: "occurredAt", dir: "asc" } } });
  });

  it("CSV: BOM, voided entries left out unless asked, as on the list", async () => {
    const actor = { id: desk.id, name: desk.name };
    const file = await exportContacts(t.db, actor, { from: "2026-03-01", to: "2026-03-31" }, "csv", "zh-CN", NOW);
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = csvTable(file.body.subarray(3).toString("utf8")).filter((r) => r.some((c) => c !== ""));
    const [header, ...rows] = table as [string[], ...string[][]];
    expect(rows.map((r) => r[header.indexOf("登记号")])).toEqual([no.b, no.a]);
    expect(rows[0]![header.indexOf("联系电话")]).toBe("139****5678");
    expect(rows[0]![header.indexOf("跟进")]).toBe("待跟进");
    expect(rows[0]![header.indexOf("作废原因")]).toBe("");
  });

  it("reads the page's query string the way the page does", () => {
    expect(contactFiltersFromParams({ from: "2026-03-10", to: "2026-03-01", channel: "fax", includeVoided: "1", sort: "purpose", dir: "asc", page: "3" })).toEqual({
      q: undefined,
      from: "2026-03-10",
      to: undefined,
      channel: undefined,
      purpose: undefined,
      followUp: undefined,
      includeVoided: true,
      sort: "purpose",
      dir: "asc",
      page: 3,
    });
  });
});

describe("the route", () => {
  it("is for the list's readers only, checked by the route itself; nothing is audited when refused", async () => {
    const { GET } = await import("../../app/api/contacts/export/route");
    const before = await audits();

    signedIn = null;
    expect((await GET(new NextRequest(`${url}?format=csv`))).status).toBe(401);
    const archivist = await createTestUser(t.db, { roles: ["archivist"] });
    signedIn = await sessionFor(t.db, archivist);
    const refused = await GET(new NextRequest(`${url}?format=xlsx`));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe("您没有执行此操作的权限。");
    const auditorUser = await createTestUser(t.db, { roles: ["auditor"] });
    signedIn = await sessionFor(t.db, auditorUser, { mustChangePassword: true });
    expect((await GET(new NextRequest(`${url}?format=csv`))).status).toBe(403);
    expect(await audits()).toBe(before);

    // The auditor reads the list, so may export it.
    signedIn = await sessionFor(t.db, auditorUser);
    expect((await GET(new NextRequest(`${url}?format=pdf`))).status).toBe(400);
    const ok = await GET(new NextRequest(`${url}?format=csv&purpose=repair&from=2026-03-01`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="contacts-\d{8}-\d{4}\.csv"; filename\*=UTF-8''%E5%AE%A2%E6%88%B7/);
    const text = new TextDecoder().decode(await ok.arrayBuffer());
    expect(text.split("\r\n").filter(Boolean).map((l) => l.split(",")[0])).toEqual(["登记号", no.b]);
    expect(text).not.toContain("13900005678");
    expect(await audits()).toBe(before + 1);
  });

  it("refuses a NUL or another control character in the filters with a Chinese 400, not a 500, and audits nothing", async () => {
    // Found by the route fuzz test: the export reads its filters itself, past tRPC's middleware.
    const { GET } = await import("../../app/api/contacts/export/route");
    const auditorUser = await createTestUser(t.db, { roles: ["auditor"] });
    signedIn = await sessionFor(t.db, auditorUser);
    const before = await audits();
    for (const q of ["a%00b", "%07"]) {
      const res = await GET(new NextRequest(`${url}?format=csv&q=${q}`));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBe("筛选条件含有控制字符（如 NUL）或残缺的字符，请删去后重试。");
    }
    expect(await audits()).toBe(before);
  });
});
