import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { DOMAIN_ERRORS, DomainError } from "../domain/errors";
import { hasAnyRole, type Role } from "../auth/roles";
import type { Context } from "./context";
import { formatError } from "./error-format";
import { domainErrorOfDb } from "../db/db-errors";
import { badCharacterOf, controlCharacterError } from "./control-characters";

// Every procedure states who may call it; the procedure × role test reads this.
export type Meta = { access: "public" } | { access: "signed-in"; allowPendingPasswordChange?: boolean } | { access: "roles"; roles: readonly Role[] };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const f = formatError(error, ctx?.locale);
      const link = "link" in f ? f.link : null;
      return { ...shape, message: f.message, data: { ...shape.data, domainCode: f.domainCode, fieldErrors: f.fieldErrors, link, stack: undefined } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain code throws DomainError; here it becomes the tRPC code of the one table in errors.ts. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    // A statement timeout, a full pool or a malformed uuid reaching PostgreSQL is a clear message, not a 500.
    const cause = result.error.cause instanceof DomainError ? result.error.cause : domainErrorOfDb(result.error.cause);
    if (cause) throw new TRPCError({ code: DOMAIN_ERRORS[cause.code], cause, message: cause.code });
  }
  return result;
});

/** Input with a NUL, another control character or half a surrogate pair is refused field by field before any procedure runs. */
const refuseControlCharacters = t.middleware(async ({ getRawInput, next }) => {
  const bad = badCharacterOf(await getRawInput());
  if (bad) throw new TRPCError({ code: "BAD_REQUEST", cause: controlCharacterError(bad.path, bad.message) });
  return next();
});

export const publicProcedure = t.procedure.use(mapDomainErrors).meta({ access: "public" }).use(refuseControlCharacters);

const signedIn = t.middleware(({ ctx, meta, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", cause: new DomainError("UNAUTHENTICATED") });
  const allowPending = meta?.access === "signed-in" && meta.allowPendingPasswordChange;
  if (ctx.user.mustChangePassword && !allowPending) {
    throw new TRPCError({ code: "FORBIDDEN", cause: new DomainError("PASSWORD_CHANGE_REQUIRED") });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const protectedProcedure = t.procedure.use(mapDomainErrors).meta({ access: "signed-in" }).use(signedIn).use(refuseControlCharacters);

/**
 * Only the given roles may call it. The guard runs before the input is parsed, so a forbidden
 * caller learns nothing about the input's shape.
 */
export function roleProcedure(roles: readonly Role[]) {
  return t.procedure
    .use(mapDomainErrors)
    .meta({ access: "roles", roles })
    .use(signedIn)
    .use(({ ctx, next }) => {
      if (!hasAnyRole(ctx.user.roles, roles)) throw new TRPCError({ code: "FORBIDDEN", cause: new DomainError("FORBIDDEN") });
      return next();
    })
    .use(refuseControlCharacters);
}
