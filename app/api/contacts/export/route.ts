import type { NextRequest } from "next/server";
import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { clientIp } from "@/server/auth/client-ip";
import { db } from "@/server/db/client";
import { DomainError } from "@/server/domain/errors";
import { CONTACT_READERS } from "@/server/domain/contacts/contacts.policy";
import { contactFiltersFromParams } from "@/server/domain/contacts/contacts.schema";
import { exportContacts } from "@/server/domain/contacts/contacts.service";
import { EXPORT_CONTENT_TYPE } from "@/server/domain/borrowing/register-export";
import { errorResponse, guard, localeOf, otherMethods } from "@/app/api/archive/attachments/respond";
import { badCharacterInQuery } from "@/server/api/control-characters";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET ?format=csv|xlsx plus the list page's own query string: the 来电来访登记 as a file. The
 * list's readers only, checked here (the page's button is not the protection); every export is audited.
 */
export async function GET(req: NextRequest) {
  const locale = localeOf(req);
  const user = await currentUser();
  const refused = guard(user, (roles) => hasAnyRole(roles, CONTACT_READERS));
  if (refused || !user) return errorResponse(refused ?? new DomainError("UNAUTHENTICATED"), locale);

  const badCharacter = badCharacterInQuery(req.nextUrl.searchParams);
  if (badCharacter) return errorResponse(badCharacter, locale);
  const sp = Object.fromEntries(req.nextUrl.searchParams.entries());
  const format = sp.format === "csv" ? "csv" : sp.format === "xlsx" ? "xlsx" : null;
  if (!format) return errorResponse(new DomainError("BAD_INPUT"), locale);
  const { page: _page, ...filters } = contactFiltersFromParams(sp);
  try {
    const actor = { id: user.id, name: user.name, ip: clientIp(req.headers) };
    const file = await exportContacts(await db(), actor, filters, format, locale);
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: {
        "Content-Type": EXPORT_CONTENT_TYPE[format],
        "Content-Disposition": `attachment; filename="${file.ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return errorResponse(e, locale);
    throw e;
  }
}

// Any other method: a 405 with a Chinese message (issue 16 #13).
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
