import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { clientIp } from "@/server/auth/client-ip";
import { db } from "@/server/db/client";
import { DomainError } from "@/server/domain/errors";
import { ARCHIVE_READERS } from "@/server/domain/archive/archive.policy";
import { attachmentHeaders, isPreviewable } from "@/server/domain/archive/attachment-type";
import { openAttachment } from "@/server/domain/archive/attachments.service";
import { errorResponse, guard, localeOf, otherMethods } from "../respond";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET the original file: inline for preview (images, PDF), as a download with ?download=1.
 * Every hand-out is an audit entry (attachment.view / attachment.download) on the record.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ attachmentId: string }> }) {
  const locale = localeOf(req);
  const user = await currentUser();
  const refused = guard(user, (roles) => hasAnyRole(roles, ARCHIVE_READERS));
  if (refused || !user) return errorResponse(refused ?? new DomainError("UNAUTHENTICATED"), locale);

  const id = z.uuid().safeParse((await params).attachmentId);
  if (!id.success) return errorResponse(new DomainError("NOT_FOUND"), locale);
  const wantsDownload = req.nextUrl.searchParams.get("download") === "1";

  try {
    const actor = { id: user.id, name: user.name, ip: clientIp(req.headers) };
    const file = await openAttachment(await db(), actor, user.roles, id.data, wantsDownload ? "download" : "view");
    const inline = !wantsDownload && isPreviewable(file.mimeType);
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, { status: 200, headers: attachmentHeaders(file, inline ? "inline" : "attachment") });
  } catch (e) {
    if (e instanceof DomainError) return errorResponse(e, locale);
    throw e;
  }
}

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
