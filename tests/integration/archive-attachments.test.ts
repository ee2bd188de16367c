import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { DomainError } from "../../server/domain/errors";
import { translatorFor } from "../../server/i18n/translate";
import { blobPath } from "../../server/domain/archive/attachment-store";
import { listAttachments, openAttachment, purgeAttachments, uploadAttachment, verifyAttachments } from "../../server/domain/archive/attachments.service";
import type { Role } from "../../server/auth/roles";
import type { Confidentiality } from "../../server/db/generated/client";
import { PLAIN_TEXT, fakeExe, htmlPdfPolyglot, hugePngHeader, tinyJpeg, tinyPdf, tinyPng } from "../../e2e/fixtures-data/attachment-files";
import { refusalOf, signedInAs, useTestDatabase } from "./helpers";

// 档案附件 through the service layer (what the route handlers call) and the procedures, on PGlite
// and on PostgreSQL: content-addressed storage, type by content, size cap, 机密, verification,
// purge, and an audit entry for every upload, view, download, verification and purge.

const t = useTestDatabase();
let filesDir: string;
let savedEnv: { dir?: string; max?: string };
let classId: string;
type Who = Awaited<ReturnType<typeof signedInAs>>;
let archivist: Who;
let staff: Who;
let manager: Who;

const actorOf = (w: Who) => ({ id: w.user.id, name: w.user.displayName, ip: "127.0.0.1" });
const rolesOf = (w: Who) => w.user.roles as Role[];
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
async function* body(b: Buffer) {
  // Several chunks, as a network stream would deliver them.
  for (let i = 0; i < b.length; i += 4096) yield b.subarray(i, i + 4096);
}

async function newRecord(confidentiality: Confidentiality = "internal", title = "测试档案") {
  return inTransaction(t.db, (tx) =>
    insertArchiveRecord(tx, actorOf(archivist), { classId, title, formedOn: "2026-03-02", confidentiality }),
  );
}
function upload(w: Who, recordId: string, fileName: string, bytes: Buffer) {
  return uploadAttachment(t.db, actorOf(w), rolesOf(w), { recordId, fileName, source: body(bytes) });
}
async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => expect.fail("expected a refusal"),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return (e as DomainError).code;
}
async function storedFiles(): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fs.readdir(filesDir)) {
    if (d === "tmp") continue;
    for (const f of await fs.readdir(path.join(filesDir, d))) out.push(f);
  }
  return out.sort();
}
async function tmpFiles() {
  return fs.readdir(path.join(filesDir, "tmp")).catch(() => []);
}
async function auditOf(recordId: string, action: string) {
  return t.db.auditLog.findMany({ where: { entity: "ArchiveRecord", entityId: recordId, action }, orderBy: { id: "asc" }, select: { actorId: true, after: true, before: true } });
}
async function drain(stream: NodeJS.ReadableStream) {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

beforeAll(async () => {
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), "kefu-att-"));
  savedEnv = { dir: process.env.ARCHIVE_FILES_DIR, max: process.env.ARCHIVE_MAX_UPLOAD_MB };
  process.env.ARCHIVE_FILES_DIR = filesDir;
  delete process.env.ARCHIVE_MAX_UPLOAD_MB;
  classId = (await t.db.archiveClass.create({ data: { code: "KH", name: "客户信息档案" }, select: { id: true } })).id;
  archivist = await signedInAs(t.db, ["archivist"]);
  staff = await signedInAs(t.db, ["staff"]);
  manager = await signedInAs(t.db, ["manager"]);
});
afterAll(async () => {
  if (savedEnv.dir === undefined) delete process.env.ARCHIVE_FILES_DIR;
  else process.env.ARCHIVE_FILES_DIR = savedEnv.dir;
  if (savedEnv.max !== undefined) process.env.ARCHIVE_MAX_UPLOAD_MB = savedEnv.max;
  await fs.rm(filesDir, { recursive: true, force: true });
});

describe("upload", () => {
  it("stores the original under its SHA-256, with the detected type, and audits it on the record", async () => {
    const rec = await newRecord();
    const png = tinyPng(1);
    const row = await upload(staff, rec.id, "身份证复印件.png", png);
    expect(row).toMatchObject({ sha256: sha(png), mimeType: "image/png", sizeBytes: png.length, fileName: "身份证复印件.png", uploadedById: staff.user.id });
    expect(await fs.readFile(blobPath(row.sha256, filesDir))).toEqual(png);
    expect(await tmpFiles()).toEqual([]);
    const audit = await auditOf(rec.id, "attachment.upload");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staff.user.id, after: { fileName: "身份证复印件.png", sha256: sha(png), sizeBytes: png.length, mimeType: "image/png" } });
  });

  it("the same content is stored once, with a row per record; a second copy on one record is refused", async () => {
    const [a, b] = [await newRecord(), await newRecord()];
    const pdf = tinyPdf("same content");
    const before = await storedFiles();
    await upload(archivist, a.id, "认购书.pdf", pdf);
    await upload(archivist, b.id, "认购书-副本.pdf", pdf);
    expect((await storedFiles()).filter((f) => !before.includes(f))).toEqual([sha(pdf)]);
    expect(await t.db.archiveAttachment.count({ where: { sha256: sha(pdf) } })).toBe(2);

    const r = await upload(archivist, a.id, "again.pdf", pdf).catch((e: DomainError) => e);
    expect(r).toMatchObject({ code: "ATTACHMENT_DUPLICATE", params: { fileName: "again.pdf", existing: "认购书.pdf" } });
    expect(await t.db.archiveAttachment.count({ where: { recordId: a.id } })).toBe(1);
    expect(await tmpFiles()).toEqual([]);
  });

  it("simultaneous uploads of one content to one record: exactly one row (unique record+sha256)", async () => {
    const rec = await newRecord();
    const png = tinyPng(42);
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => upload(archivist, rec.id, `scan-${i}.png`, png)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("ATTACHMENT_DUPLICATE");
    expect(await t.db.archiveAttachment.count({ where: { recordId: rec.id } })).toBe(1);
    expect(await auditOf(rec.id, "attachment.upload")).toHaveLength(1);
    expect(await fs.readFile(blobPath(sha(png), filesDir))).toEqual(png);
    expect(await tmpFiles()).toEqual([]);
  });

  it("an oversize file is refused with the limit in the message and nothing is stored", async () => {
    const rec = await newRecord();
    const big = Buffer.concat([tinyPdf("big"), crypto.randomBytes(1_200_000)]);
    const files = await storedFiles();
    process.env.ARCHIVE_MAX_UPLOAD_MB = "1";
    try {
      const e = (await upload(archivist, rec.id, "大文件.pdf", big).catch((x: unknown) => x)) as DomainError;
      expect(e.code).toBe("ATTACHMENT_TOO_LARGE");
      expect(translatorFor("zh-CN")("errors.ATTACHMENT_TOO_LARGE", e.params)).toBe("文件「大文件.pdf」超过 1 MB 的上限，未上传。");
    } finally {
      delete process.env.ARCHIVE_MAX_UPLOAD_MB;
    }
    expect(await storedFiles()).toEqual(files);
    expect(await tmpFiles()).toEqual([]);
    expect(await t.db.archiveAttachment.count({ where: { recordId: rec.id } })).toBe(0);
    expect(await auditOf(rec.id, "attachment.upload")).toHaveLength(0);
  });

  it("a text file or an executable renamed .pdf is refused by content, with a clear Chinese message", async () => {
    const rec = await newRecord();
    const files = await storedFiles();
    for (const [name, bytes] of [["合同.pdf", PLAIN_TEXT], ["scan.pdf", fakeExe()]] as const) {
      const e = (await upload(archivist, rec.id, name, bytes).catch((x: unknown) => x)) as DomainError;
      expect(e.code).toBe("ATTACHMENT_TYPE_REFUSED");
      expect(translatorFor("zh-CN")("errors.ATTACHMENT_TYPE_REFUSED", e.params)).toBe(
        `文件「${name}」的内容不是 PDF、JPEG、PNG 或 TIFF（按文件内容识别，不看扩展名），未上传。`,
      );
    }
    expect(await storedFiles()).toEqual(files);
    expect(await tmpFiles()).toEqual([]);
    expect(await t.db.archiveAttachment.count({ where: { recordId: rec.id } })).toBe(0);
  });

  it("an HTML/PDF polyglot uploaded as poly.html is stored and handed out as poly.pdf (issue 16 #8)", async () => {
    const rec = await newRecord();
    const poly = htmlPdfPolyglot();
    const row = await upload(archivist, rec.id, "poly.html", poly);
    expect(row).toMatchObject({ fileName: "poly.pdf", mimeType: "application/pdf" });
    expect((await auditOf(rec.id, "attachment.upload"))[0]?.after).toMatchObject({ fileName: "poly.pdf", uploadedAs: "poly.html", mimeType: "application/pdf" });
    const file = await openAttachment(t.db, actorOf(staff), rolesOf(staff), row.id, "download");
    expect([file.fileName, file.mimeType]).toEqual(["poly.pdf", "application/pdf"]);
    expect(await drain(file.stream)).toEqual(poly);

    // A row stored before names followed the content is listed and handed out with the right extension too.
    const old = await t.db.archiveAttachment.create({
      data: { recordId: rec.id, sha256: sha(Buffer.from("legacy")), fileName: "旧的.html", mimeType: "application/pdf", sizeBytes: 6, uploadedById: archivist.user.id },
    });
    const listed = await listAttachments(t.db, rolesOf(staff), rec.id);
    expect(listed.rows.find((r) => r.id === old.id)?.fileName).toBe("旧的.pdf");
  });

  it("a 30000 × 30000 PNG (900 megapixels) is refused from its header with a Chinese message, and nothing is stored (issue 16 #9)", async () => {
    const rec = await newRecord();
    const files = await storedFiles();
    const e = (await upload(staff, rec.id, "扫描件.png", hugePngHeader()).catch((x: unknown) => x)) as DomainError;
    expect(e.code).toBe("ATTACHMENT_IMAGE_TOO_LARGE");
    expect(translatorFor("zh-CN")("errors.ATTACHMENT_IMAGE_TOO_LARGE", e.params)).toBe(
      "图片「扫描件.png」的尺寸为 30000 × 30000 像素，超过上限（不超过 64 百万像素、每边不超过 20000 像素），未上传。请降低扫描分辨率或缩小图片后再上传。",
    );
    // A JPEG whose size sits past the sniffed 64 KB head (a large EXIF segment) is measured too.
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0xff, 0xfe]), Buffer.alloc(0xfffc)]);
    const bigJpeg = tinyJpeg(3, 12_000, 9_000);
    const late = Buffer.concat([bigJpeg.subarray(0, 20), exif, exif, bigJpeg.subarray(20)]);
    expect(await codeOf(upload(staff, rec.id, "照片.jpg", late))).toBe("ATTACHMENT_IMAGE_TOO_LARGE");
    // Broken header: refused, not guessed.
    expect(await codeOf(upload(staff, rec.id, "坏图.png", hugePngHeader().subarray(0, 20)))).toBe("ATTACHMENT_IMAGE_UNREADABLE");
    expect(await storedFiles()).toEqual(files);
    expect(await tmpFiles()).toEqual([]);
    expect(await t.db.archiveAttachment.count({ where: { recordId: rec.id } })).toBe(0);
    // An ordinary scan still goes in.
    expect((await upload(staff, rec.id, "照片.jpg", tinyJpeg(4, 4_961, 7_016))).mimeType).toBe("image/jpeg");
  });

  it("a destroyed record takes no files; an unknown record is not found", async () => {
    const rec = await newRecord();
    await t.db.archiveRecord.update({ where: { id: rec.id }, data: { status: "destroyed" } });
    expect(await codeOf(upload(archivist, rec.id, "a.png", tinyPng(7)))).toBe("ATTACHMENT_RECORD_DESTROYED");
    expect(await codeOf(upload(archivist, crypto.randomUUID(), "a.png", tinyPng(7)))).toBe("NOT_FOUND");
    expect(await tmpFiles()).toEqual([]);
  });
});

describe("机密 records", () => {
  it("staff can neither upload to, list, nor open a secret record's files; the archivist and manager can", async () => {
    const rec = await newRecord("secret", "机密档案");
    expect(await codeOf(upload(staff, rec.id, "a.png", tinyPng(9)))).toBe("ARCHIVE_SECRET");
    const row = await upload(archivist, rec.id, "a.png", tinyPng(9));
    expect((await refusalOf(staff.caller.archive.attachments.list({ recordId: rec.id }))).code).toBe("FORBIDDEN");
    expect(await codeOf(openAttachment(t.db, actorOf(staff), rolesOf(staff), row.id, "view"))).toBe("ARCHIVE_SECRET");
    expect((await manager.caller.archive.attachments.list({ recordId: rec.id })).rows).toHaveLength(1);
    const opened = await openAttachment(t.db, actorOf(manager), rolesOf(manager), row.id, "download");
    expect(await drain(opened.stream)).toEqual(tinyPng(9));
  });
});

describe("list, view and download", () => {
  it("staff see the rows with checksums and uploader, and every view and download is in the record's history", async () => {
    const rec = await newRecord();
    const pdf = tinyPdf("view me");
    const row = await upload(archivist, rec.id, "买卖合同.pdf", pdf);
    const list = await staff.caller.archive.attachments.list({ recordId: rec.id });
    expect(list.rows).toEqual([expect.objectContaining({ id: row.id, sha256: sha(pdf), mimeType: "application/pdf", uploadedByName: archivist.user.displayName, purgedAt: null })]);

    const view = await openAttachment(t.db, actorOf(staff), rolesOf(staff), row.id, "view");
    expect(view).toMatchObject({ fileName: "买卖合同.pdf", mimeType: "application/pdf", sizeBytes: pdf.length });
    expect(await drain(view.stream)).toEqual(pdf);
    const dl = await openAttachment(t.db, actorOf(staff), rolesOf(staff), row.id, "download");
    await drain(dl.stream);
    expect(await auditOf(rec.id, "attachment.view")).toEqual([expect.objectContaining({ actorId: staff.user.id, after: { attachmentId: row.id, fileName: "买卖合同.pdf", sha256: sha(pdf) } })]);
    expect(await auditOf(rec.id, "attachment.download")).toHaveLength(1);
  });

  it("an unknown attachment is not found", async () => {
    expect(await codeOf(openAttachment(t.db, actorOf(staff), rolesOf(staff), crypto.randomUUID(), "view"))).toBe("NOT_FOUND");
  });
});

describe("verify", () => {
  it("only keepers may verify; it detects a tampered and a missing file, and is audited", async () => {
    const rec = await newRecord();
    const [good, bad, gone] = [tinyPng(101), tinyPng(102), tinyPng(103)];
    const rows = [await upload(archivist, rec.id, "good.png", good), await upload(archivist, rec.id, "bad.png", bad), await upload(archivist, rec.id, "gone.png", gone)];
    expect((await refusalOf(staff.caller.archive.attachments.verify({ recordId: rec.id }))).code).toBe("FORBIDDEN");
    expect((await refusalOf(manager.caller.archive.attachments.verify({ recordId: rec.id }))).code).toBe("FORBIDDEN");

    const clean = await archivist.caller.archive.attachments.verify({ recordId: rec.id });
    expect(clean.summary).toEqual({ ok: 3, mismatch: 0, missing: 0, purged: 0 });

    await fs.writeFile(blobPath(sha(bad), filesDir), Buffer.concat([bad, Buffer.from("x")]));
    await fs.unlink(blobPath(sha(gone), filesDir));
    const res = await archivist.caller.archive.attachments.verify({ recordId: rec.id });
    expect(res.results.map((r) => [r.attachmentId, r.result])).toEqual([
      [rows[0]!.id, "ok"],
      [rows[1]!.id, "mismatch"],
      [rows[2]!.id, "missing"],
    ]);
    expect(res.summary).toEqual({ ok: 1, mismatch: 1, missing: 1, purged: 0 });
    const audit = await auditOf(rec.id, "attachment.verify");
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actorId: archivist.user.id, after: { ok: 1, mismatch: 1, missing: 1 } });
    // A file gone from storage answers with a message, not a crash.
    expect(await codeOf(openAttachment(t.db, actorOf(staff), rolesOf(staff), rows[2]!.id, "view"))).toBe("ATTACHMENT_FILE_MISSING");
  });
});

describe("purgeAttachments (for weeding)", () => {
  it("marks the rows purged with an audit entry; removes only files no live row still uses, after commit", async () => {
    const [doomed, other] = [await newRecord(), await newRecord()];
    const shared = tinyPdf("shared scan");
    const own = tinyPng(200);
    const sharedRow = await upload(archivist, doomed.id, "shared.pdf", shared);
    await upload(archivist, doomed.id, "own.png", own);
    await upload(archivist, other.id, "shared-too.pdf", shared);

    const result = await inTransaction(t.db, async (tx) => {
      await tx.archiveRecord.update({ where: { id: doomed.id }, data: { status: "destroyed" } });
      return purgeAttachments(tx, actorOf(archivist), doomed.id);
    });
    expect(result.count).toBe(2);
    // Still on disk until the caller removes them after its commit.
    expect(await fs.stat(blobPath(sha(own), filesDir)).then(() => true)).toBe(true);
    expect(await result.removeFiles(t.db)).toEqual([sha(own)]);
    await expect(fs.stat(blobPath(sha(own), filesDir))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await fs.readFile(blobPath(sha(shared), filesDir))).toEqual(shared);

    const rows = await t.db.archiveAttachment.findMany({ where: { recordId: doomed.id }, select: { purgedAt: true, purgedById: true, sha256: true } });
    expect(rows.every((r) => r.purgedAt && r.purgedById === archivist.user.id)).toBe(true);
    const audit = await auditOf(doomed.id, "attachment.purge");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { purgedAt: null }, after: { files: expect.arrayContaining([expect.objectContaining({ fileName: "own.png", sha256: sha(own) })]) } });

    expect(await codeOf(openAttachment(t.db, actorOf(archivist), rolesOf(archivist), sharedRow.id, "view"))).toBe("ATTACHMENT_PURGED");
    expect((await archivist.caller.archive.attachments.list({ recordId: doomed.id })).rows.every((r) => r.purgedAt)).toBe(true);
    expect((await archivist.caller.archive.attachments.verify({ recordId: doomed.id })).summary).toEqual({ ok: 0, mismatch: 0, missing: 0, purged: 2 });

    // Purging again changes nothing and writes no second entry.
    const again = await inTransaction(t.db, (tx) => purgeAttachments(tx, actorOf(archivist), doomed.id));
    expect(again.count).toBe(0);
    expect(await auditOf(doomed.id, "attachment.purge")).toHaveLength(1);
  });
});
