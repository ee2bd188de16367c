import type { NextRequest } from "next/server";
import { z } from "zod";
import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { clientIp } from "@/server/auth/client-ip";
import { db } from "@/server/db/client";
import { DomainError } from "@/server/domain/errors";
import { ARCHIVE_KEEPERS, ARCHIVE_REGISTRARS } from "@/server/domain/archive/archive.policy";
import { maxUploadBytes } from "@/server/domain/archive/attachment-store";
import { uploadAttachment } from "@/server/domain/archive/attachments.service";
import { errorResponse, guard, httpStatusOf, localeOf, messageOf, otherMethods } from "./respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** At most this many files in one request (the page sends one per request, for progress). */
const MAX_FILES = 20;
const UPLOADERS = [...ARCHIVE_REGISTRARS, ...ARCHIVE_KEEPERS];

/**
 * POST multipart/form-data: recordId + one or more `file` parts. Each file is stored (or refused)
 * on its own; the answer lists every file's result. 201 when all were stored; otherwise the
 * status of the first refusal, with its message in the user's language.
 */
export async function POST(req: NextRequest) {
  const locale = localeOf(req);
  const user = await currentUser();
  const refused = guard(user, (roles) => hasAnyRole(roles, UPLOADERS));
  if (refused || !user) return errorResponse(refused ?? new DomainError("UNAUTHENTICATED"), locale);

  // Only a form upload is read; anything else is a 415 that says so (issue 16 #13), not "bad input".
  if (!/^multipart\/form-data\s*;/i.test(req.headers.get("content-type") ?? "")) return errorResponse(new DomainError("UNSUPPORTED_MEDIA_TYPE"), locale);
  // The multipart parser holds the body, so the body itself is capped while it streams in.
  const cap = maxUploadBytes() * MAX_FILES + 1024 * 1024;
  const maxMb = Math.round(maxUploadBytes() / 1024 / 1024);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > cap) return errorResponse(new DomainError("ATTACHMENT_TOO_LARGE", { fileName: "", maxMb }), locale);
  let form: FormData;
  try {
    form = await capped(req, cap).formData();
  } catch {
    return errorResponse(new DomainError(declared > cap ? "ATTACHMENT_TOO_LARGE" : "BAD_INPUT", { fileName: "", maxMb }), locale);
  }

  const recordId = z.uuid().safeParse(form.get("recordId"));
  if (!recordId.success) return errorResponse(new DomainError("BAD_INPUT"), locale);
  const files = form.getAll("file").filter((f): f is File => typeof f === "object" && f !== null && "stream" in f);
  if (files.length === 0) return errorResponse(new DomainError("ATTACHMENT_NO_FILE"), locale);
  if (files.length > MAX_FILES) return errorResponse(new DomainError("BAD_INPUT"), locale);

  const database = await db();
  const actor = { id: user.id, name: user.name, ip: clientIp(req.headers) };
  const results = [];
  let firstError: DomainError | null = null;
  for (const file of files) {
    try {
      const row = await uploadAttachment(database, actor, user.roles, { recordId: recordId.data, fileName: file.name, source: file.stream() });
      results.push({ fileName: row.fileName, ok: true as const, attachment: { id: row.id, sha256: row.sha256, mimeType: row.mimeType, sizeBytes: row.sizeBytes } });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      firstError ??= e;
      results.push({ fileName: file.name, ok: false as const, code: e.code, message: messageOf(e, locale) });
    }
  }
  if (!firstError) return Response.json({ results }, { status: 201, headers: { "Cache-Control": "no-store" } });
  return Response.json(
    { code: firstError.code, message: messageOf(firstError, locale), results },
    { status: httpStatusOf(firstError.code), headers: { "Cache-Control": "no-store" } },
  );
}

/** The request with a body that fails once more than `limit` bytes have arrived. */
function capped(req: NextRequest, limit: number): Request {
  if (!req.body) return req;
  let seen = 0;
  const body = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(new Error("request body over the limit"));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(req.url, { method: req.method, headers: req.headers, body, duplex: "half" } as RequestInit);
}

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
