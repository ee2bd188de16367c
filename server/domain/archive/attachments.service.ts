import { z } from "zod";
import type { Db } from "../../db/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import type { Role } from "../../auth/roles";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { assertMaySee } from "./archive.policy";
import { MAX_IMAGE_MEGAPIXELS, MAX_IMAGE_SIDE, cleanFileName, detectAttachmentType, imageDimensions, isImage, isImageTooLarge, nameForType } from "./attachment-type";
import { discardStaged, hashStored, openStored, placeStaged, readStagedPrefix, removeStored, stageUpload, withContentLock, type StagedUpload } from "./attachment-store";

// A JPEG's size (its SOF segment) comes after the APPn segments — EXIF with a thumbnail, ICC, XMP —
// which can run past the sniffed 64 KB head; this much more is read when the head is not enough.
const IMAGE_HEADER_BYTES = 1024 * 1024;

/** Images only: measured from the header, never decoded; refused when unreadable or too large (issue 16 #9). */
async function assertImageSizeAcceptable(staged: StagedUpload, fileName: string) {
  let dims = imageDimensions(staged.head);
  if (!dims && staged.sizeBytes > staged.head.byteLength) dims = imageDimensions(await readStagedPrefix(staged, IMAGE_HEADER_BYTES));
  if (!dims) throw new DomainError("ATTACHMENT_IMAGE_UNREADABLE", { fileName });
  if (isImageTooLarge(dims)) {
    throw new DomainError("ATTACHMENT_IMAGE_TOO_LARGE", { fileName, width: dims.width, height: dims.height, maxMp: MAX_IMAGE_MEGAPIXELS, maxSide: MAX_IMAGE_SIDE });
  }
}

// 档案附件: scans and photos of a record (issue 4 item 5). Files are content-addressed on disk
// (attachment-store.ts); rows say which record holds which content. Every upload, view,
// download, verification and purge is an audit entry on the record, so it shows in its history.

export const ZAttachmentsOfRecord = z.object({ recordId: z.uuid() });
export type TAttachmentsOfRecord = z.infer<typeof ZAttachmentsOfRecord>;

const attachmentSelect = {
  id: true,
  recordId: true,
  sha256: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  uploadedById: true,
  uploadedAt: true,
  purgedAt: true,
} as const;

type Reader = Tx | Db;

/** The record as far as attachments care; 机密 to others and unknown ids both read as refused. */
async function recordFor(tx: Reader, roles: readonly Role[], recordId: string) {
  const record = await tx.archiveRecord.findUnique({
    where: { id: recordId },
    select: { id: true, archiveNo: true, status: true, confidentiality: true },
  });
  if (!record) throw new DomainError("NOT_FOUND");
  assertMaySee(roles, record);
  return record;
}

function assertAcceptsUploads(record: { status: string; archiveNo: string }) {
  // A destroyed record keeps its row and history, but takes no new files (002 §2).
  if (record.status === "destroyed") throw new DomainError("ATTACHMENT_RECORD_DESTROYED", { archiveNo: record.archiveNo });
}

export async function listAttachments(db: Db, roles: readonly Role[], recordId: string) {
  const record = await recordFor(db, roles, recordId);
  const rows = await db.archiveAttachment.findMany({ where: { recordId }, orderBy: [{ uploadedAt: "asc" }, { id: "asc" }], select: attachmentSelect });
  const uploaderIds = [...new Set(rows.map((r) => r.uploadedById).filter((x): x is string => !!x))];
  const users = uploaderIds.length ? await db.user.findMany({ where: { id: { in: uploaderIds } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  return {
    record: { id: record.id, archiveNo: record.archiveNo, status: record.status },
    // Rows stored before names followed the content (issue 16 #8) read with the right extension too.
    rows: rows.map((r) => ({ ...r, fileName: nameForType(r.fileName, r.mimeType), uploadedByName: r.uploadedById ? (names.get(r.uploadedById) ?? null) : null })),
  };
}

export type UploadInput = { recordId: string; fileName: string; source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> };

/**
 * Stores one uploaded file for a record: streamed to a temporary file while hashed and measured
 * (oversize stops at the limit), typed by its bytes, then the row and its audit entry are
 * committed and only then is the file moved to its content address. Anything refused leaves
 * neither a row nor a file behind.
 */
export async function uploadAttachment(db: Db, actor: Actor & { id: string }, roles: readonly Role[], input: UploadInput) {
  const fileName = cleanFileName(input.fileName);
  // Refuse before reading a byte when the record cannot take files; checked again in the transaction.
  assertAcceptsUploads(await recordFor(db, roles, input.recordId));

  const staged = await stageUpload(input.source, { fileName });
  try {
    const type = await detectAttachmentType(staged.head);
    if (!type.mime) throw new DomainError("ATTACHMENT_TYPE_REFUSED", { fileName });
    const mimeType = type.mime;
    if (isImage(mimeType)) await assertImageSizeAcceptable(staged, fileName);
    // The stored name's extension is the content's (poly.html that is a PDF is kept as poly.pdf).
    const storedName = nameForType(fileName, mimeType);
    return await withContentLock(staged.sha256, async () => {
      const row = await inTransaction(db, async (tx) => {
        const record = await recordFor(tx, roles, input.recordId);
        assertAcceptsUploads(record);
        // Reading every row of this content puts it in the transaction's read set, so a purge of the
        // same content running at the same time conflicts (SERIALIZABLE) instead of deleting the file.
        const same = await tx.archiveAttachment.findMany({ where: { sha256: staged.sha256 }, select: { recordId: true, fileName: true } });
        const here = same.find((r) => r.recordId === input.recordId);
        if (here) throw new DomainError("ATTACHMENT_DUPLICATE", { fileName, existing: nameForType(here.fileName, mimeType) });
        const created = await tx.archiveAttachment.create({
          data: { recordId: input.recordId, sha256: staged.sha256, fileName: storedName, mimeType, sizeBytes: staged.sizeBytes, uploadedById: actor.id },
          select: attachmentSelect,
        });
        await writeAudit(tx, actor, {
          action: "attachment.upload",
          entity: "ArchiveRecord",
          entityId: input.recordId,
          after: {
            attachmentId: created.id,
            fileName: storedName,
            ...(storedName !== fileName ? { uploadedAs: fileName } : {}),
            sha256: staged.sha256,
            sizeBytes: staged.sizeBytes,
            mimeType,
            storedBefore: same.length > 0,
          },
        });
        return created;
      });
      await placeStaged(staged);
      return row;
    });
  } catch (e) {
    await discardStaged(staged);
    // Two uploads of the same content to the same record at once: the unique (record, sha256)
    // lets one through; the other gets the same message as a sequential duplicate.
    if (isUniqueViolation(e)) throw new DomainError("ATTACHMENT_DUPLICATE", { fileName, existing: fileName });
    throw e;
  }
}

/**
 * Opens an attachment for the browser and logs the view or download in the same step: a file
 * that is handed out is always in the log. Purged files answer ATTACHMENT_PURGED (HTTP 410).
 */
export async function openAttachment(db: Db, actor: Actor & { id: string }, roles: readonly Role[], attachmentId: string, mode: "view" | "download") {
  const att = await db.archiveAttachment.findUnique({ where: { id: attachmentId }, select: attachmentSelect });
  if (!att) throw new DomainError("NOT_FOUND");
  await recordFor(db, roles, att.recordId);
  if (att.purgedAt) throw new DomainError("ATTACHMENT_PURGED", { fileName: att.fileName });
  const stored = await openStored(att.sha256);
  if (!stored) throw new DomainError("ATTACHMENT_FILE_MISSING", { fileName: att.fileName });
  try {
    await inTransaction(db, (tx) =>
      writeAudit(tx, actor, {
        action: mode === "view" ? "attachment.view" : "attachment.download",
        entity: "ArchiveRecord",
        entityId: att.recordId,
        after: { attachmentId: att.id, fileName: att.fileName, sha256: att.sha256 },
      }),
    );
  } catch (e) {
    stored.stream.destroy();
    throw e;
  }
  // The name handed out always carries the extension of the stored type (issue 16 #8).
  return { fileName: nameForType(att.fileName, att.mimeType), mimeType: att.mimeType, sizeBytes: stored.sizeBytes, stream: stored.stream };
}

export type VerifyResult = "ok" | "mismatch" | "missing" | "purged";

/** Re-reads every stored file of the record and compares its SHA-256 with the recorded one. */
export async function verifyAttachments(db: Db, actor: Actor & { id: string }, roles: readonly Role[], recordId: string) {
  await recordFor(db, roles, recordId);
  const rows = await db.archiveAttachment.findMany({ where: { recordId }, orderBy: [{ uploadedAt: "asc" }, { id: "asc" }], select: attachmentSelect });
  const results: { attachmentId: string; fileName: string; sha256: string; result: VerifyResult; actualSha256: string | null }[] = [];
  for (const r of rows) {
    if (r.purgedAt) {
      results.push({ attachmentId: r.id, fileName: r.fileName, sha256: r.sha256, result: "purged", actualSha256: null });
      continue;
    }
    const actual = await hashStored(r.sha256);
    const result: VerifyResult = !actual ? "missing" : actual.sha256 === r.sha256 ? "ok" : "mismatch";
    results.push({ attachmentId: r.id, fileName: r.fileName, sha256: r.sha256, result, actualSha256: actual?.sha256 ?? null });
  }
  const summary = { ok: 0, mismatch: 0, missing: 0, purged: 0 };
  for (const r of results) summary[r.result]++;
  await inTransaction(db, (tx) =>
    writeAudit(tx, actor, {
      action: "attachment.verify",
      entity: "ArchiveRecord",
      entityId: recordId,
      // The recorded checksums are in the upload entries; here only the verdicts, and what was found instead.
      after: { ...summary, results: results.map((r) => ({ fileName: r.fileName, result: r.result, ...(r.result === "mismatch" ? { actualSha256: r.actualSha256 } : {}) })) },
    }),
  );
  return { summary, results, verifiedAt: new Date() };
}

/**
 * For weeding (剔除/销毁): marks the record's attachments purged (rows and checksums stay, the
 * purge is audited) inside the caller's transaction. The files themselves are removed only after
 * that transaction commits — call `removeFiles(db)` then — and only where no other record still
 * holds the same content.
 */
export async function purgeAttachments(tx: Tx, actor: Actor, recordId: string) {
  const rows = await tx.archiveAttachment.findMany({ where: { recordId, purgedAt: null }, select: attachmentSelect });
  if (rows.length === 0) return { count: 0, sha256s: [] as string[], removeFiles: async (_db: Db) => [] as string[] };
  const purgedAt = new Date();
  // Conditional on "not yet purged": a second purge running at the same time changes nothing twice.
  const { count } = await tx.archiveAttachment.updateMany({ where: { recordId, purgedAt: null, id: { in: rows.map((r) => r.id) } }, data: { purgedAt, purgedById: actor.id } });
  if (count !== rows.length) throw new DomainError("ARCHIVE_STATE_CHANGED");
  const files = rows.map((r) => ({ attachmentId: r.id, fileName: r.fileName, sha256: r.sha256, sizeBytes: r.sizeBytes }));
  await writeAudit(tx, actor, {
    action: "attachment.purge",
    entity: "ArchiveRecord",
    entityId: recordId,
    before: { files, purgedAt: null },
    after: { files, purgedAt: purgedAt.toISOString() },
  });
  const sha256s = [...new Set(rows.map((r) => r.sha256))];
  return { count, sha256s, removeFiles: (db: Db) => removeUnreferencedFiles(db, sha256s) };
}

/** Deletes stored files no live (un-purged) row refers to any more; returns the removed checksums. */
export async function removeUnreferencedFiles(db: Db, sha256s: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const sha of sha256s) {
    await withContentLock(sha, async () => {
      const live = await db.archiveAttachment.count({ where: { sha256: sha, purgedAt: null } });
      if (live === 0 && (await removeStored(sha))) removed.push(sha);
    });
  }
  return removed;
}
