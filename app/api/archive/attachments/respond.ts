import type { NextRequest } from "next/server";
import { DOMAIN_ERRORS, DomainError, type DomainErrorCode } from "@/server/domain/errors";
import { LOCALE_COOKIE, asLocale, type Locale } from "@/server/i18n/config";
import { translatorFor } from "@/server/i18n/translate";
import type { SessionUser } from "@/server/domain/accounts/session";

// JSON answers of the attachment routes, in the user's language (the locale cookie), with the
// same messages as the tRPC error formatter.

export function localeOf(req: NextRequest): Locale {
  return asLocale(req.cookies.get(LOCALE_COOKIE)?.value);
}

const HTTP_OF_TRPC: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  CONFLICT: 409,
  UNSUPPORTED_MEDIA_TYPE: 415,
};
// Codes that say more over plain HTTP than the tRPC table can.
const HTTP_OVERRIDES: Partial<Record<DomainErrorCode, number>> = {
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_REFUSED: 415,
  ATTACHMENT_PURGED: 410,
};

export function httpStatusOf(code: DomainErrorCode): number {
  return HTTP_OVERRIDES[code] ?? HTTP_OF_TRPC[DOMAIN_ERRORS[code]] ?? 400;
}

export function messageOf(e: DomainError, locale: Locale): string {
  return translatorFor(locale)(`errors.${e.code}` as Parameters<ReturnType<typeof translatorFor>>[0], e.params);
}

export function errorResponse(e: DomainError, locale: Locale): Response {
  return Response.json({ code: e.code, message: messageOf(e, locale) }, { status: httpStatusOf(e.code), headers: { "Cache-Control": "no-store" } });
}

/** Signed in, password changed, holding one of the roles — checked here, not only in the UI. */
export function guard(user: SessionUser | null, allowed: (roles: SessionUser["roles"]) => boolean): DomainError | null {
  if (!user) return new DomainError("UNAUTHENTICATED");
  if (user.mustChangePassword) return new DomainError("PASSWORD_CHANGE_REQUIRED");
  if (!allowed(user.roles)) return new DomainError("FORBIDDEN");
  return null;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route does not take: a 405 with the Allow header and a message in
 * the user's language, instead of Next's empty 405 (issue 16 #13). In a route file:
 * `export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");`
 */
export function otherMethods<A extends Method>(...allowed: A[]): Record<Exclude<Method, A>, (req: NextRequest) => Response> {
  const allow = [...allowed, ...(allowed.includes("GET" as A) ? ["HEAD"] : [])].join(", ");
  const refuse = (req: NextRequest) => {
    const res = errorResponse(new DomainError("METHOD_NOT_SUPPORTED"), localeOf(req));
    res.headers.set("Allow", allow);
    return res;
  };
  return Object.fromEntries(METHODS.filter((m) => !allowed.includes(m as A)).map((m) => [m, refuse])) as Record<Exclude<Method, A>, (req: NextRequest) => Response>;
}
