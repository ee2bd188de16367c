import type { NextRequest } from "next/server";
import { currentUser } from "@/server/auth/session";
import { hasAnyRole } from "@/server/auth/roles";
import { clientIp } from "@/server/auth/client-ip";
import { db } from "@/server/db/client";
import { DomainError } from "@/server/domain/errors";
import { REGISTER_READERS } from "@/server/domain/borrowing/borrow.policy";
import { filtersFromParams } from "@/server/domain/borrowing/register.schema";
import { exportRegister } from "@/server/domain/borrowing/register.service";
import { EXPORT_CONTENT_TYPE, registerLabels } from "@/server/domain/borrowing/register-export";
import { errorResponse, guard, localeOf, otherMethods } from "@/app/api/archive/attachments/respond";
import { badCharacterInQuery } from "@/server/api/control-characters";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * GET ?format=csv|xlsx plus the register page's filters: the 借阅登记表 as a file. The role is
 * checked here (the page's button is not the protection) and every export is audited.
 */
export async function GET(req: NextRequest) {
  const locale = localeOf(req);
  const user = await currentUser();
  const refused = guard(user, (roles) => hasAnyRole(roles, REGISTER_READERS));
  if (refused || !user) return errorResponse(refused ?? new DomainError("UNAUTHENTICATED"), locale);

  const badCharacter = badCharacterInQuery(req.nextUrl.searchParams);
  if (badCharacter) return errorResponse(badCharacter, locale);
  const sp = Object.fromEntries(req.nextUrl.searchParams.entries());
  const format = sp.format === "csv" ? "csv" : sp.format === "xlsx" ? "xlsx" : null;
  if (!format) return errorResponse(new DomainError("BAD_INPUT"), locale);
  const { page: _page, ...filters } = filtersFromParams(sp);
  try {
    const actor = { id: user.id, name: user.name, ip: clientIp(req.headers) };
    const file = await exportRegister(await db(), actor, user.roles, filters, format, registerLabels(locale));
    const ascii = `borrow-register.${format}`;
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: {
        "Content-Type": EXPORT_CONTENT_TYPE[format],
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
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
