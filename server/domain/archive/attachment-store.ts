import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { DomainError } from "../errors";
import { TYPE_SNIFF_BYTES } from "./attachment-type";

// Original files, content-addressed: <ARCHIVE_FILES_DIR>/<sha256[0:2]>/<sha256>. The same scan
// attached to ten records is one file; a row per (record, sha256) says who attached it where.

/** Where the originals live (env ARCHIVE_FILES_DIR, default ./data/files — git-ignored). */
export function filesDir(): string {
  return path.resolve(process.env.ARCHIVE_FILES_DIR || path.join(process.cwd(), "data", "files"));
}

/** The upload limit in bytes (env ARCHIVE_MAX_UPLOAD_MB, default 50). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.ARCHIVE_MAX_UPLOAD_MB);
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : 50) * 1024 * 1024);
}

export function maxUploadMb(): number {
  return Math.round((maxUploadBytes() / 1024 / 1024) * 10) / 10;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The stored file of a checksum; refuses anything but 64 hex digits (no path tricks). */
export function blobPath(sha256: string, dir = filesDir()): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(dir, sha256.slice(0, 2), sha256);
}

export type StagedUpload = { tempPath: string; sha256: string; sizeBytes: number; head: Uint8Array; dir: string };

/**
 * Streams an upload into a temporary file under the files directory (same file system, so the
 * later rename is atomic), hashing and counting as it goes. Past `maxBytes` it stops reading,
 * deletes the partial file and throws ATTACHMENT_TOO_LARGE: nothing of an oversize file is kept.
 */
export async function stageUpload(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  opts: { fileName: string; maxBytes?: number; dir?: string },
): Promise<StagedUpload> {
  const dir = opts.dir ?? filesDir();
  const maxBytes = opts.maxBytes ?? maxUploadBytes();
  const tmpDir = path.join(dir, "tmp");
  await fsp.mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, `upload-${process.pid}-${crypto.randomBytes(8).toString("hex")}`);
  const hash = crypto.createHash("sha256");
  const headChunks: Uint8Array[] = [];
  let headBytes = 0;
  let sizeBytes = 0;
  const out = await fsp.open(tempPath, "wx", 0o640);
  try {
    const iterable = isReadableStream(source) ? iterateStream(source) : source;
    for await (const chunk of iterable) {
      sizeBytes += chunk.byteLength;
      if (sizeBytes > maxBytes) {
        throw new DomainError("ATTACHMENT_TOO_LARGE", { fileName: opts.fileName, maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 });
      }
      hash.update(chunk);
      if (headBytes < TYPE_SNIFF_BYTES) {
        const part = chunk.subarray(0, TYPE_SNIFF_BYTES - headBytes);
        headChunks.push(part);
        headBytes += part.byteLength;
      }
      await out.write(chunk);
    }
    await out.sync();
  } catch (e) {
    await out.close().catch(() => {});
    await fsp.rm(tempPath, { force: true });
    throw e;
  }
  await out.close();
  if (sizeBytes === 0) {
    await fsp.rm(tempPath, { force: true });
    throw new DomainError("ATTACHMENT_EMPTY", { fileName: opts.fileName });
  }
  return { tempPath, sha256: hash.digest("hex"), sizeBytes, head: Buffer.concat(headChunks), dir };
}

/** The first `bytes` bytes of a staged upload (an image header past the sniffed head). */
export async function readStagedPrefix(staged: StagedUpload, bytes: number): Promise<Uint8Array> {
  const handle = await fsp.open(staged.tempPath, "r");
  try {
    const buf = Buffer.alloc(Math.min(bytes, staged.sizeBytes));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Drops a staged upload that will not be kept. */
export async function discardStaged(staged: StagedUpload): Promise<void> {
  await fsp.rm(staged.tempPath, { force: true });
}

/**
 * Moves a staged upload to its content address. When the content is already stored the
 * rename simply replaces it with identical bytes (atomic either way); a reader never sees a
 * half-written file.
 */
export async function placeStaged(staged: StagedUpload): Promise<string> {
  const target = blobPath(staged.sha256, staged.dir);
  await fsp.mkdir(path.dirname(target), { recursive: true });
  await fsp.rename(staged.tempPath, target);
  return target;
}

/** SHA-256 of a stored file, re-read from disk; null when the file is gone. */
export async function hashStored(sha256: string, dir = filesDir()): Promise<{ sha256: string; sizeBytes: number } | null> {
  const file = blobPath(sha256, dir);
  const hash = crypto.createHash("sha256");
  let sizeBytes = 0;
  try {
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      sizeBytes += chunk.byteLength;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  return { sha256: hash.digest("hex"), sizeBytes };
}

/** Opens a stored file for streaming; null when it is gone. */
export async function openStored(sha256: string, dir = filesDir()): Promise<{ stream: fs.ReadStream; sizeBytes: number } | null> {
  const file = blobPath(sha256, dir);
  try {
    const st = await fsp.stat(file);
    return { stream: fs.createReadStream(file), sizeBytes: st.size };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

export async function removeStored(sha256: string, dir = filesDir()): Promise<boolean> {
  try {
    await fsp.unlink(blobPath(sha256, dir));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}

// Uploading a content and purging the same content must not interleave their "commit the rows,
// then touch the file" steps in one process (PGlite deployments are one process): a lock per sha.
const locks = new Map<string, Promise<unknown>>();
export async function withContentLock<T>(sha256: string, work: () => Promise<T>): Promise<T> {
  const prev = locks.get(sha256) ?? Promise.resolve();
  const run = prev.catch(() => {}).then(work);
  locks.set(sha256, run);
  try {
    return await run;
  } finally {
    if (locks.get(sha256) === run) locks.delete(sha256);
  }
}

function isReadableStream(x: unknown): x is ReadableStream<Uint8Array> {
  return typeof (x as ReadableStream).getReader === "function";
}

async function* iterateStream(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    // Stops the upstream (e.g. the request body) when we quit early on an oversize file.
    await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
