import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 档案盒 (issue 10 §3): a box per complete location 柜-架-盒, made as files are placed (and by the
// migration from the locations already there); the box page lists its files under the 机密 rule.
const t = useTestDatabase();
let archivist: Caller;
let staff: Caller;
let manager: Caller;
let auditor: Caller;
let archivistId: string;
let classId: string;

async function record(title: string, loc: { cabinet?: string; shelf?: string; box?: string }, confidentiality: "internal" | "secret" = "internal") {
  return inTransaction(t.db, (tx) => insertArchiveRecord(tx, { id: archivistId, name: "test" }, { classId, title, formedOn: "2025-03-01", confidentiality, ...loc }));
}
const boxByCode = (code: string) => t.db.storageBox.findUnique({ where: { code }, select: { id: true, code: true } });

beforeAll(async () => {
  const a = await signedInAs(t.db, ["archivist"]);
  archivist = a.caller;
  archivistId = a.user.id;
  staff = (await signedInAs(t.db, ["staff"])).caller;
  manager = (await signedInAs(t.db, ["manager"])).caller;
  auditor = (await signedInAs(t.db, ["auditor"])).caller;
  classId = (await t.db.archiveClass.create({ data: { code: "BX", name: "盒测档案", retentionYears: 10 }, select: { id: true } })).id;
});

describe("boxes come into being with their files", () => {
  it("registering a file in a new complete location makes its box once; a partial location makes none", async () => {
    await record("一号卷", { cabinet: "柜T", shelf: "1层", box: "01盒" });
    await record("二号卷", { cabinet: "柜T", shelf: "1层", box: "01盒" });
    await record("只有柜", { cabinet: "柜T" });
    expect(await t.db.storageBox.count({ where: { cabinet: "柜T" } })).toBe(1);
    expect(await boxByCode("柜T-1层-01盒")).not.toBeNull();
  });

  it("moving a file (位置) into a new location makes that box; the old one stays", async () => {
    const r = await record("搬动卷", { cabinet: "柜T", shelf: "2层", box: "01盒" });
    await archivist.archive.records.updateLocation({ recordId: r.id, cabinet: "柜T", shelf: "2层", box: "09盒" });
    expect(await boxByCode("柜T-2层-09盒")).not.toBeNull();
    expect(await boxByCode("柜T-2层-01盒")).not.toBeNull();
    const box9 = await boxByCode("柜T-2层-09盒");
    const page = await archivist.labels.boxes.get({ boxId: box9!.id });
    expect(page.records.map((x) => x.archiveNo)).toEqual([r.archiveNo]);
  });

  it("concurrent first placements into the same new box make one box", async () => {
    await Promise.all(Array.from({ length: 4 }, (_, i) => record(`并发卷${i}`, { cabinet: "柜C", shelf: "1层", box: "01盒" })));
    expect(await t.db.storageBox.count({ where: { code: "柜C-1层-01盒" } })).toBe(1);
  });

  it("the migration's derivation makes a box of every complete location already in the records", async () => {
    await record("旧位置卷", { cabinet: "柜M", shelf: "3层", box: "07盒" });
    await t.db.$executeRawUnsafe(`DELETE FROM "StorageBox" WHERE "cabinet" = '柜M'`);
    const dir = path.join(process.cwd(), "prisma/migrations");
    const file = fs.readdirSync(dir).find((d) => d.endsWith("_labels"))!;
    const sql = fs.readFileSync(path.join(dir, file, "migration.sql"), "utf8");
    const derive = sql.slice(sql.indexOf('INSERT INTO "StorageBox"'));
    await t.db.$executeRawUnsafe(derive);
    expect(await boxByCode("柜M-3层-07盒")).not.toBeNull();
    // Run again: nothing doubles.
    await t.db.$executeRawUnsafe(derive);
    expect(await t.db.storageBox.count({ where: { cabinet: "柜M" } })).toBe(1);
  });
});

describe("the archivist's own boxes, the list and the box page", () => {
  it("creates an empty box, audited; the same code twice is refused in Chinese", async () => {
    const box = await archivist.labels.boxes.create({ cabinet: "柜E", shelf: "1层", box: "空盒", note: "备用" });
    expect(box.code).toBe("柜E-1层-空盒");
    const audit = await t.db.auditLog.findFirst({ where: { action: "labels.createBox", entityId: box.id } });
    expect(audit?.actorId).toBe((await t.db.user.findFirst({ where: { id: archivistId } }))!.id);
    const r = await refusalOf(archivist.labels.boxes.create({ cabinet: "柜E", shelf: "1层", box: "空盒" }));
    expect([r.code, r.domainCode]).toEqual(["CONFLICT", "BOX_EXISTS"]);
    expect(r.message).toContain("柜E-1层-空盒");
    const bad = await refusalOf(archivist.labels.boxes.create({ cabinet: "", shelf: "1层", box: "x" }));
    expect(bad.fieldErrors?.cabinet).toBe("必填");
  });

  it("staff, the manager and the auditor create no boxes", async () => {
    for (const c of [staff, manager, auditor]) expect((await refusalOf(c.labels.boxes.create({ cabinet: "柜X", shelf: "1", box: "1" }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(auditor.labels.boxes.list({}))).code).toBe("FORBIDDEN");
  });

  it("lists boxes with filters, paging and file counts", async () => {
    const all = await staff.labels.boxes.list({ cabinet: "柜T", pageSize: 1 });
    expect(all.total).toBe(3);
    expect(all.rows).toHaveLength(1);
    expect(all.rows[0]!.code).toBe("柜T-1层-01盒");
    expect(all.rows[0]!.fileCount).toBe(2);
    expect(all.cabinets).toEqual(expect.arrayContaining(["柜T", "柜E"]));
    const q = await staff.labels.boxes.list({ q: "09盒" });
    expect(q.rows.map((b) => b.code)).toEqual(["柜T-2层-09盒"]);
    const page2 = await staff.labels.boxes.list({ cabinet: "柜T", pageSize: 1, page: 2 });
    expect(page2.rows[0]!.code).toBe("柜T-2层-01盒");
    // The shelf filter (with the cabinet's shelves offered) and paging within it.
    expect(all.shelves).toEqual(["1层", "2层"]);
    const shelf = await staff.labels.boxes.list({ cabinet: "柜T", shelf: "2层", pageSize: 1 });
    expect([shelf.total, shelf.rows[0]!.code]).toEqual([2, "柜T-2层-01盒"]);
    const shelfPage2 = await staff.labels.boxes.list({ cabinet: "柜T", shelf: "2层", pageSize: 1, page: 2 });
    expect(shelfPage2.rows.map((b) => b.code)).toEqual(["柜T-2层-09盒"]);
    expect((await staff.labels.boxes.list({ cabinet: "柜E", shelf: "2层" })).rows).toEqual([]);
  });

  it("finds a record's box by its place (the record page links its location there); none when no box", async () => {
    const box = await boxByCode("柜T-1层-01盒");
    expect(await staff.labels.boxes.at({ cabinet: "柜T", shelf: "1层", box: "01盒" })).toEqual({ id: box!.id, code: "柜T-1层-01盒" });
    expect(await staff.labels.boxes.at({ cabinet: "柜T", shelf: "1层", box: "99盒" })).toBeNull();
    expect((await refusalOf(auditor.labels.boxes.at({ cabinet: "柜T", shelf: "1层", box: "01盒" }))).code).toBe("FORBIDDEN");
  });

  it("the box page hides 机密 files from staff but not from the archivist", async () => {
    const s = await record("机密合同", { cabinet: "柜S", shelf: "1层", box: "01盒" }, "secret");
    const p = await record("普通合同", { cabinet: "柜S", shelf: "1层", box: "01盒" });
    const box = await boxByCode("柜S-1层-01盒");
    expect((await archivist.labels.boxes.get({ boxId: box!.id })).records.map((r) => r.archiveNo)).toEqual([s.archiveNo, p.archiveNo].sort());
    expect((await staff.labels.boxes.get({ boxId: box!.id })).records.map((r) => r.archiveNo)).toEqual([p.archiveNo]);
    expect((await staff.labels.boxes.list({ cabinet: "柜S" })).rows[0]!.fileCount).toBe(1);
    expect((await refusalOf(staff.labels.boxes.get({ boxId: "00000000-0000-4000-8000-000000000000" }))).code).toBe("NOT_FOUND");
  });
});
