import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";
import { inTransaction } from "../../server/db/tx";
import { seedArchiveClasses } from "../../prisma/seed/archive-classes";
import { shanghaiDay } from "../../server/domain/time";

// 移交 (004 第七、八、九条): register → check every line → sign creates the client files, once.
const t = useTestDatabase();
let asArchivist: Caller;
let asArchivist2: Caller;
let asStaff: Caller;
let asManager: Caller;
let kh: string;
let nb: string;
let projectId: string;
let otherProjectUnit: string;
const unit: Record<string, string> = {};
let zhangSan: string;

const header = () => ({ fromDept: "营销部", projectId, classId: kh });

beforeAll(async () => {
  asArchivist = (await signedInAs(t.db, ["archivist"])).caller;
  asArchivist2 = (await signedInAs(t.db, ["archivist"])).caller;
  asStaff = (await signedInAs(t.db, ["staff"])).caller;
  asManager = (await signedInAs(t.db, ["manager"])).caller;
  await inTransaction(t.db, (tx) => seedArchiveClasses(tx));
  kh = (await t.db.archiveClass.findUniqueOrThrow({ where: { code: "KH" }, select: { id: true } })).id;
  nb = (await t.db.archiveClass.findUniqueOrThrow({ where: { code: "NB" }, select: { id: true } })).id;
  projectId = (await t.db.project.create({ data: { code: "HJY", name: "华景园" }, select: { id: true } })).id;
  // Buildings created out of shelving order, to prove the files are numbered in shelving order.
  const b2 = await t.db.building.create({ data: { projectId, code: "2", name: "2栋", sortOrder: 2 }, select: { id: true } });
  const b1 = await t.db.building.create({ data: { projectId, code: "1", name: "1栋", sortOrder: 1 }, select: { id: true } });
  for (const [b, name, nums] of [
    [b1.id, "1栋", ["0101", "0102", "0201"]],
    [b2.id, "2栋", ["0101"]],
  ] as const) {
    for (const n of nums) unit[`${name}${n}`] = (await t.db.unit.create({ data: { buildingId: b, number: n, floor: Number(n.slice(0, 2)) }, select: { id: true } })).id;
  }
  const other = await t.db.project.create({ data: { code: "JHW", name: "锦湖湾", buildings: { create: { code: "1", name: "1栋", units: { create: { number: "0101" } } } } }, select: { buildings: { select: { units: { select: { id: true } } } } } });
  otherProjectUnit = other.buildings[0]!.units[0]!.id;
  zhangSan = (await t.db.client.create({ data: { kind: "individual", name: "张三", idNumber: "110101199003071234", units: { create: { unitId: unit["1栋0101"]! } } }, select: { id: true } })).id;
});

async function tableCounts() {
  const [batches, items, records, audit] = await Promise.all([t.db.handoverBatch.count(), t.db.handoverItem.count(), t.db.archiveRecord.count(), t.db.auditLog.count()]);
  return { batches, items, records, audit };
}

async function xlsxBase64(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("移交清单");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

async function newBatch(lines: { unit: string; client: string; doc: string; count: number }[], caller = asArchivist) {
  return caller.archive.handover.create({ ...header(), lines: lines.map((l) => ({ unitId: unit[l.unit]!, clientName: l.client, documentName: l.doc, expectedCount: l.count })) });
}

describe("register, check and sign", () => {
  it("creates the batch with a gap-free YJ number, matches the owner by name, and signing files the client files with consecutive 档号", async () => {
    const year = shanghaiDay(new Date()).slice(0, 4);
    const b = await newBatch([
      { unit: "2栋0101", client: "李四", doc: "认购书", count: 1 },
      { unit: "1栋0101", client: "张三", doc: "认购书", count: 1 },
      { unit: "1栋0101", client: "张三", doc: "商品房买卖合同（正、副本，备案）", count: 2 },
      { unit: "1栋0101", client: "张三", doc: "身份证复印件", count: 1 },
      { unit: "1栋0102", client: "王五", doc: "认购书", count: 1 },
    ]);
    expect(b.batchNo).toBe(`YJ-${year}-0001`);
    expect((await newBatch([{ unit: "1栋0201", client: "赵六", doc: "认购书", count: 1 }])).batchNo).toBe(`YJ-${year}-0002`);

    let batch = await asArchivist.archive.handover.get({ batchId: b.id });
    expect(batch.status).toBe("checking");
    expect(batch.summary).toEqual({ lines: 5, pending: 5, received: 0, missing: 0, wrong: 0 });
    const line = (n: number) => batch.items.find((i) => i.lineNo === n)!;
    expect(line(2).clientId).toBe(zhangSan);
    expect(line(1).clientId).toBeNull();
    expect(line(2).unitLabel).toBe("1栋0101");

    await asArchivist.archive.handover.checkItem({ itemId: line(3).id, check: "wrong", receivedCount: 1, remark: "缺副本" });
    await asArchivist.archive.handover.checkItem({ itemId: line(4).id, check: "missing" });
    // 王五's only document is missing: no file for him, the line stays on the batch.
    await asArchivist.archive.handover.checkItem({ itemId: line(5).id, check: "missing", remark: "客户未提供" });
    expect(await asArchivist.archive.handover.checkAllReceived({ batchId: b.id })).toEqual({ checked: 2 });

    const signed = await asArchivist.archive.handover.sign({ batchId: b.id });
    expect(signed.summary).toEqual({ lines: 5, pending: 0, received: 2, missing: 2, wrong: 1 });
    // Shelving order: 1栋0101 before 2栋0101, although 2栋 was listed first.
    const formed = shanghaiDay(new Date()).slice(0, 4);
    const seqs = signed.records.map((r) => r.archiveNo);
    expect(seqs).toEqual([`KH-${formed}-000001`, `KH-${formed}-000002`]);

    const records = await t.db.archiveRecord.findMany({
      where: { handoverBatchId: b.id },
      orderBy: { seq: "asc" },
      select: { title: true, unitId: true, clientId: true, classId: true, formedOn: true, parties: true, paperItems: { orderBy: { name: "asc" }, select: { name: true, count: true, remark: true } } },
    });
    expect(records.map((r) => r.title)).toEqual(["客户信息档案 · 华景园1栋0101 · 张三", "客户信息档案 · 华景园2栋0101 · 李四"]);
    expect(records[0]).toMatchObject({ unitId: unit["1栋0101"], clientId: zhangSan, classId: kh, parties: "张三" });
    expect(records[0]!.formedOn.toISOString().slice(0, 10)).toBe(shanghaiDay(new Date()));
    expect(records[0]!.paperItems).toEqual([
      { name: "商品房买卖合同（正、副本，备案）", count: 1, remark: "有误：缺副本" },
      { name: "认购书", count: 1, remark: null },
    ]);
    expect(records[1]!.paperItems).toEqual([{ name: "认购书", count: 1, remark: null }]);

    batch = await asArchivist.archive.handover.get({ batchId: b.id });
    expect(batch.status).toBe("signed");
    expect(batch.signedAt).not.toBeNull();
    expect(batch.records.map((r) => r.archiveNo)).toEqual(seqs);
    // Kept forever: the missing lines are still on the batch.
    expect(batch.items.filter((i) => i.check === "missing").map((i) => i.lineNo)).toEqual([4, 5]);

    const audit = await t.db.auditLog.findMany({ where: { OR: [{ entityId: b.id }, { action: "archive.create" }] }, orderBy: { id: "asc" }, select: { action: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(["handover.create", "handover.check", "handover.check", "handover.check", "handover.check_all", "archive.create", "archive.create", "handover.sign"]);
    expect(audit.at(-1)!.after).toMatchObject({ status: "signed", records: seqs, summary: { missing: 2, wrong: 1 } });

    const list = await asManager.archive.handover.list({ status: "signed" });
    expect(list.rows.map((r) => [r.batchNo, r.summary.lines, r.summary.received, r.summary.missing, r.summary.wrong])).toEqual([[b.batchNo, 5, 2, 2, 1]]);
  });

  it("refuses to sign while a line is pending, and changes nothing", async () => {
    const b = await newBatch([
      { unit: "1栋0201", client: "钱七", doc: "认购书", count: 1 },
      { unit: "1栋0201", client: "钱七", doc: "发票复印件", count: 1 },
    ]);
    const batch = await asArchivist.archive.handover.get({ batchId: b.id });
    await asArchivist.archive.handover.checkItem({ itemId: batch.items[0]!.id, check: "received" });
    const before = await tableCounts();
    const r = await refusalOf(asArchivist.archive.handover.sign({ batchId: b.id }));
    expect(r.domainCode).toBe("HANDOVER_PENDING_LINES");
    expect(r.message).toBe("还有 1 行未核对，全部核对后才能签收。");
    expect(await tableCounts()).toEqual(before);
    expect((await asArchivist.archive.handover.get({ batchId: b.id })).status).toBe("checking");
  });

  it("two concurrent signs: exactly one succeeds, the other gets CONFLICT, and the files are created once", async () => {
    const b = await newBatch([
      { unit: "1栋0102", client: "孙八", doc: "认购书", count: 1 },
      { unit: "1栋0201", client: "周九", doc: "认购书", count: 1 },
    ]);
    await asArchivist.archive.handover.checkAllReceived({ batchId: b.id });
    const results = await Promise.allSettled([asArchivist.archive.handover.sign({ batchId: b.id }), asArchivist2.archive.handover.sign({ batchId: b.id })]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    const refusal = await refusalOf(Promise.reject(failed[0]!.reason));
    expect(refusal.code).toBe("CONFLICT");
    expect(refusal.domainCode).toBe("HANDOVER_SIGNED");
    expect(await t.db.archiveRecord.count({ where: { handoverBatchId: b.id } })).toBe(2);
    expect(await t.db.auditLog.count({ where: { entityId: b.id, action: "handover.sign" } })).toBe(1);
  });

  it("a signed batch is immutable: checking a line or checking all is refused", async () => {
    const b = await newBatch([{ unit: "2栋0101", client: "吴十", doc: "认购书", count: 1 }]);
    await asArchivist.archive.handover.checkAllReceived({ batchId: b.id });
    await asArchivist.archive.handover.sign({ batchId: b.id });
    const item = (await asArchivist.archive.handover.get({ batchId: b.id })).items[0]!;
    const before = await tableCounts();
    const r = await refusalOf(asArchivist.archive.handover.checkItem({ itemId: item.id, check: "missing" }));
    expect([r.code, r.domainCode]).toEqual(["CONFLICT", "HANDOVER_SIGNED"]);
    expect(r.message).toBe(`移交批次 ${b.batchNo} 已签收，不能再修改。`);
    expect((await refusalOf(asArchivist.archive.handover.checkAllReceived({ batchId: b.id }))).domainCode).toBe("HANDOVER_SIGNED");
    expect((await refusalOf(asArchivist.archive.handover.sign({ batchId: b.id }))).domainCode).toBe("HANDOVER_SIGNED");
    expect(await tableCounts()).toEqual(before);
  });

  it("bad lines are refused with a clear message: 有误 without remark, a short 已收到, a unit of another project, duplicates, a non-client class", async () => {
    const b = await newBatch([{ unit: "1栋0101", client: "张三", doc: "补充协议", count: 2 }]);
    const item = (await asArchivist.archive.handover.get({ batchId: b.id })).items[0]!;
    const wrong = await refusalOf(asArchivist.archive.handover.checkItem({ itemId: item.id, check: "wrong" }));
    expect(wrong.fieldErrors).toEqual({ remark: "标为“有误”时请说明问题" });
    expect((await refusalOf(asArchivist.archive.handover.checkItem({ itemId: item.id, check: "received", receivedCount: 1 }))).domainCode).toBe("HANDOVER_RECEIVED_COUNT");

    const before = await tableCounts();
    const line = { clientName: "张三", documentName: "认购书", expectedCount: 1 };
    const foreign = await refusalOf(asArchivist.archive.handover.create({ ...header(), lines: [{ ...line, unitId: unit["1栋0101"]! }, { ...line, unitId: otherProjectUnit }] }));
    expect(foreign.message).toBe("第 2 行的房号不属于所选项目。");
    const dup = await refusalOf(asArchivist.archive.handover.create({ ...header(), lines: [{ ...line, unitId: unit["1栋0101"]! }, { ...line, unitId: unit["1栋0101"]! }] }));
    expect(dup.message).toBe("第 2 行与第 1 行重复（同一房号、客户和资料名称）。");
    expect((await refusalOf(asArchivist.archive.handover.create({ ...header(), classId: nb, lines: [{ ...line, unitId: unit["1栋0101"]! }] }))).domainCode).toBe("HANDOVER_NOT_CLIENT_FILE");
    const zero = await refusalOf(asArchivist.archive.handover.create({ ...header(), lines: [{ ...line, expectedCount: 0, unitId: unit["1栋0101"]! }] }));
    expect(zero.fieldErrors).toEqual({ "lines.0.expectedCount": "请输入 1–999 的整数" });
    expect(await tableCounts()).toEqual(before);
  });
});

describe("import", () => {
  it("imports an XLSX 移交清单 with Chinese headers (房号 as a number too)", async () => {
    const r = await asArchivist.archive.handover.importFile({
      ...header(),
      fileName: "移交清单.xlsx",
      contentBase64: await xlsxBase64([
        ["楼号", "房号", "客户姓名", "资料名称", "份数"],
        ["1栋", "0101", "张三", "认购书", 1],
        [2, 101, "李四", "发票复印件", 3],
      ]),
    });
    expect(r).toMatchObject({ ok: true, lines: 2 });
    if (!r.ok) throw new Error("import failed");
    const batch = await asArchivist.archive.handover.get({ batchId: r.batchId });
    expect(batch.items.map((i) => [i.lineNo, i.unitLabel, i.clientName, i.documentName, i.expectedCount, i.clientId])).toEqual([
      [1, "1栋0101", "张三", "认购书", 1, zhangSan],
      [2, "2栋0101", "李四", "发票复印件", 3, null],
    ]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { entityId: r.batchId, action: "handover.create" }, select: { after: true } });
    expect(audit.after).toMatchObject({ source: "import", fileName: "移交清单.xlsx", lines: 2 });
  });

  it("imports a CSV with English headers", async () => {
    const csv = "building,unit,client,document,count\n1,0102,孙八,认购书,1\n";
    const r = await asArchivist.archive.handover.importFile({ ...header(), fileName: "list.csv", contentBase64: Buffer.from(csv).toString("base64") });
    expect(r).toMatchObject({ ok: true, lines: 1 });
  });

  it("a file with bad rows reports every row in Chinese and creates nothing", async () => {
    const before = await tableCounts();
    const r = await asArchivist.archive.handover.importFile({
      ...header(),
      fileName: "bad.xlsx",
      contentBase64: await xlsxBase64([
        ["楼号", "房号", "客户姓名", "资料名称", "份数"],
        ["1栋", "0101", "张三", "认购书", 1],
        ["9栋", "0101", "李四", "认购书", 1],
        ["1栋", "9999", "王五", "认购书", 1],
        ["1栋", "0102", "", "认购书", 1],
        ["1栋", "0102", "赵六", "认购书", "两份"],
      ]),
    });
    expect(r).toEqual({
      ok: false,
      errors: [
        { rowNo: 3, code: "buildingUnknown", params: { building: "9栋" } },
        { rowNo: 4, code: "unitUnknown", params: { building: "1栋", unit: "9999" } },
        { rowNo: 5, code: "clientEmpty", params: {} },
        { rowNo: 6, code: "countInvalid", params: { value: "两份" } },
      ],
    });
    expect(await tableCounts()).toEqual(before);
    const headers = await refusalOf(asArchivist.archive.handover.importFile({ ...header(), fileName: "x.csv", contentBase64: Buffer.from("楼号,房号\n1,0101").toString("base64") }));
    expect(headers.message).toBe("文件缺少列：客户姓名、资料名称、份数。第一行应为表头：楼号、房号、客户姓名、资料名称、份数。");
    expect(await tableCounts()).toEqual(before);
  });
});

describe("roles", () => {
  it("staff (not archivist) cannot create, import, check or sign; readers may list and read", async () => {
    const b = await newBatch([{ unit: "1栋0201", client: "郑一", doc: "认购书", count: 1 }]);
    const item = (await asStaff.archive.handover.get({ batchId: b.id })).items[0]!;
    const before = await tableCounts();
    const calls = [
      asStaff.archive.handover.create({ ...header(), lines: [{ unitId: unit["1栋0201"]!, clientName: "郑一", documentName: "发票复印件", expectedCount: 1 }] }),
      asStaff.archive.handover.importFile({ ...header(), fileName: "x.csv", contentBase64: Buffer.from("building,unit,client,document,count\n1,0201,郑一,认购书,1").toString("base64") }),
      asStaff.archive.handover.checkItem({ itemId: item.id, check: "received" }),
      asStaff.archive.handover.checkAllReceived({ batchId: b.id }),
      asStaff.archive.handover.sign({ batchId: b.id }),
      asManager.archive.handover.sign({ batchId: b.id }),
    ];
    for (const c of calls) expect((await refusalOf(c)).code).toBe("FORBIDDEN");
    expect(await tableCounts()).toEqual(before);
    expect((await asStaff.archive.handover.list({})).total).toBeGreaterThan(0);
  });
});
