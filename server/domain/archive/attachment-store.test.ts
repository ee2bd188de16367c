import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { blobPath, discardStaged, filesDir, hashStored, maxUploadBytes, placeStaged, removeStored, stageUpload, withContentLock } from "./attachment-store";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "att-store-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function* chunks(...parts: (string | Buffer)[]) {
  for (const p of parts) yield typeof p === "string" ? Buffer.from(p) : p;
}
const sha = (s: string | Buffer) => crypto.createHash("sha256").update(s).digest("hex");

describe("layout", () => {
  it("stores under <dir>/<first two hex digits>/<sha256>", () => {
    const h = sha("x");
    expect(blobPath(h, "/files")).toBe(path.join("/files", h.slice(0, 2), h));
  });

  it("refuses anything that is not a sha256 (no path tricks)", () => {
    expect(() => blobPath("../../etc/passwd", dir)).toThrow();
    expect(() => blobPath("A".repeat(64), dir)).toThrow();
  });

  it("reads the directory and limit from the environment, with defaults", () => {
    const saved = { d: process.env.ARCHIVE_FILES_DIR, m: process.env.ARCHIVE_MAX_UPLOAD_MB };
    try {
      delete process.env.ARCHIVE_FILES_DIR;
      delete process.env.ARCHIVE_MAX_UPLOAD_MB;
      expect(filesDir()).toBe(path.join(process.cwd(), "data", "files"));
      expect(maxUploadBytes()).toBe(50 * 1024 * 1024);
      process.env.ARCHIVE_FILES_DIR = "/srv/archive";
      process.env.ARCHIVE_MAX_UPLOAD_MB = "2";
      expect(filesDir()).toBe("/srv/archive");
      expect(maxUploadBytes()).toBe(2 * 1024 * 1024);
    } finally {
      for (const [k, v] of [["ARCHIVE_FILES_DIR", saved.d], ["ARCHIVE_MAX_UPLOAD_MB", saved.m]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});

describe("stageUpload → placeStaged", () => {
  it("hashes while streaming, keeps the head for type sniffing, and moves the file into place", async () => {
    const staged = await stageUpload(chunks("hello ", "world"), { fileName: "a", dir, maxBytes: 100 });
    expect(staged.sha256).toBe(sha("hello world"));
    expect(staged.sizeBytes).toBe(11);
    expect(Buffer.from(staged.head).toString()).toBe("hello world");
    const target = await placeStaged(staged);
    expect(target).toBe(blobPath(staged.sha256, dir));
    expect(await fs.readFile(target, "utf8")).toBe("hello world");
    expect(await fs.readdir(path.join(dir, "tmp"))).toEqual([]);
    expect(await hashStored(staged.sha256, dir)).toEqual({ sha256: staged.sha256, sizeBytes: 11 });
  });

  it("reads a web ReadableStream too", async () => {
    const stream = new Blob(["abc"]).stream();
    const staged = await stageUpload(stream, { fileName: "a", dir });
    expect(staged.sha256).toBe(sha("abc"));
    await discardStaged(staged);
  });

  it("stops at the limit and leaves nothing behind", async () => {
    const err = await stageUpload(chunks("12345", "67890", "x"), { fileName: "big.pdf", dir, maxBytes: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("ATTACHMENT_TOO_LARGE");
    expect((err as DomainError).params).toMatchObject({ fileName: "big.pdf" });
    expect(await fs.readdir(path.join(dir, "tmp"))).toEqual([]);
  });

  it("accepts exactly the limit", async () => {
    const staged = await stageUpload(chunks("1234567890"), { fileName: "a", dir, maxBytes: 10 });
    expect(staged.sizeBytes).toBe(10);
    await discardStaged(staged);
  });

  it("refuses an empty file", async () => {
    await expect(stageUpload(chunks(), { fileName: "a", dir })).rejects.toMatchObject({ code: "ATTACHMENT_EMPTY" });
  });

  it("the same content placed twice is one file", async () => {
    for (let i = 0; i < 2; i++) await placeStaged(await stageUpload(chunks("same"), { fileName: "a", dir }));
    const h = sha("same");
    expect(await fs.readdir(path.join(dir, h.slice(0, 2)))).toEqual([h]);
  });

  it("reports a missing or changed file", async () => {
    const staged = await stageUpload(chunks("original"), { fileName: "a", dir });
    const target = await placeStaged(staged);
    await fs.writeFile(target, "tampered");
    expect((await hashStored(staged.sha256, dir))?.sha256).toBe(sha("tampered"));
    expect(await removeStored(staged.sha256, dir)).toBe(true);
    expect(await hashStored(staged.sha256, dir)).toBeNull();
    expect(await removeStored(staged.sha256, dir)).toBe(false);
  });
});

describe("withContentLock", () => {
  it("runs work on the same content one at a time", async () => {
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, 10));
      log.push(`${name}:end`);
    };
    await Promise.all([withContentLock("k", step("a")), withContentLock("k", step("b"))]);
    expect(log).toEqual(["a:start", "a:end", "b:start", "b:end"]);
  });

  it("a failure does not block the next one", async () => {
    await expect(withContentLock("k2", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(withContentLock("k2", async () => 7)).resolves.toBe(7);
  });
});
