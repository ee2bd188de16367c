import { ZodError } from "zod";
import type { TRPCError } from "@trpc/server";
import { DomainError } from "../domain/errors";
import { domainErrorOfDb } from "../db/db-errors";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { translatorFor } from "../i18n/translate";

export type FieldErrors = Record<string, string>;
/** A link the refusal offers (to the record that already exists), its label in the user's language. */
export type ErrorLink = { href: string; label: string };

/** The one place where errors become messages in the user's language. */
export function formatError(error: TRPCError, locale: Locale = DEFAULT_LOCALE) {
  const t = translatorFor(locale);
  // A database failure that did not pass a procedure's middleware (context, a stream) still reads clearly.
  const cause = error.cause instanceof DomainError ? error.cause : (domainErrorOfDb(error.cause) ?? error.cause);
  if (cause instanceof DomainError) {
    const message = t(`errors.${cause.code}`, cause.params);
    // A refusal that belongs to one field (a password the policy refuses, a date out of order) is shown under it.
    const fieldErrors = cause.field ? { [cause.field]: message } : null;
    if (!cause.link) return { message, domainCode: cause.code, fieldErrors };
    const labelKey = `errorLinks.${cause.code}`;
    const link: ErrorLink = { href: cause.link, label: t.has(labelKey as "errorLinks.default") ? t(labelKey as "errorLinks.default") : t("errorLinks.default") };
    return { message, domainCode: cause.code, fieldErrors, link };
  }
  if (cause instanceof ZodError) {
    const fieldErrors: FieldErrors = {};
    for (const issue of cause.issues) {
      const key = `validation.${issue.message}`;
      fieldErrors[issue.path.join(".") || "_"] ??= t.has(key as "validation.invalid") ? t(key as "validation.invalid") : t("validation.invalid");
    }
    return { message: t("errors.BAD_INPUT"), domainCode: "BAD_INPUT", fieldErrors };
  }
  const byCode: Record<string, Parameters<typeof t>[0]> = {
    UNAUTHORIZED: "errors.UNAUTHENTICATED",
    FORBIDDEN: "errors.FORBIDDEN",
    NOT_FOUND: "errors.NOT_FOUND",
    BAD_REQUEST: "errors.BAD_INPUT",
    PARSE_ERROR: "errors.BAD_INPUT",
    UNPROCESSABLE_CONTENT: "errors.BAD_INPUT",
    CONFLICT: "errors.CONFLICT",
    // The request itself is wrong, not the server (issue 16 #13: these said 系统出错).
    METHOD_NOT_SUPPORTED: "errors.METHOD_NOT_SUPPORTED",
    UNSUPPORTED_MEDIA_TYPE: "errors.UNSUPPORTED_MEDIA_TYPE",
    PAYLOAD_TOO_LARGE: "errors.PAYLOAD_TOO_LARGE",
    TOO_MANY_REQUESTS: "errors.TOO_MANY_REQUESTS",
  };
  return { message: t(byCode[error.code] ?? "errors.INTERNAL"), domainCode: null, fieldErrors: null };
}
