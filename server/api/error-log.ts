import { DOMAIN_ERRORS, type DomainErrorCode } from "../domain/errors";

// Issue 16 #13: a refusal (a role that may not, input that does not parse, a record that is not
// there) is the portal working as meant, not a fault. It must not fill the server log with stack
// traces (`⨯ Error [DomainError]: FORBIDDEN`) that hide the real 500s. A refusal gets one line at
// most; anything else keeps its full log with the stack.
//
// Errors are recognised by name, not instanceof: Next.js bundles instrumentation, pages and
// routes apart, so a DomainError thrown in a page is not an instance of this module's class.

// tRPC codes that are the server's fault (or its load), never the caller's.
const SERVER_SIDE = new Set(["INTERNAL_SERVER_ERROR", "NOT_IMPLEMENTED", "BAD_GATEWAY", "SERVICE_UNAVAILABLE", "GATEWAY_TIMEOUT", "TIMEOUT"]);
// A role trying what it may not is worth a line; a signed-out browser polling is not.
const ACCESS_CODES = new Set(["FORBIDDEN"]);

type Named = { name?: unknown; code?: unknown; cause?: unknown };

/** The tRPC code an error stands for when it is an expected refusal (a 4xx), otherwise null. */
export function refusalCode(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== "object" || depth > 3) return null;
  const e = error as Named;
  if (e.name === "TRPCError" && typeof e.code === "string") {
    // tRPC wraps what a procedure threw outside the domain mapping as a 500; its cause decides.
    if (e.code === "INTERNAL_SERVER_ERROR") return e.cause && e.cause !== error ? refusalCode(e.cause, depth + 1) : null;
    return SERVER_SIDE.has(e.code) ? null : e.code;
  }
  if (e.name === "DomainError" && typeof e.code === "string") {
    const code = DOMAIN_ERRORS[e.code as DomainErrorCode] as string | undefined;
    return code && !SERVER_SIDE.has(code) ? code : null;
  }
  if (e.name === "ZodError") return "BAD_REQUEST";
  return null;
}

function domainCodeOf(error: unknown): string | null {
  const e = error as Named;
  if (e?.name === "DomainError" && typeof e.code === "string") return e.code;
  const cause = e?.cause as Named | undefined;
  if (cause?.name === "DomainError" && typeof cause.code === "string") return cause.code;
  return null;
}

function oneLine(where: string, error: unknown, code: string): string {
  const domain = domainCodeOf(error);
  return `[refused] ${where ? `${where}: ` : ""}${code}${domain && domain !== code ? ` (${domain})` : ""}`;
}

type Logger = Pick<Console, "error" | "warn">;

/**
 * An error of a tRPC request: a FORBIDDEN in one line (worth seeing: someone tried), other
 * refusals (signed out, validation, not found, conflict) not at all; anything else in full, with its cause.
 */
export function logRequestError(where: string, error: unknown, log: Logger = console): void {
  const refusal = refusalCode(error);
  if (refusal) {
    if (ACCESS_CODES.has(refusal)) log.warn(oneLine(where, error, refusal));
    return;
  }
  const cause = (error as Named)?.name === "TRPCError" && (error as Named).cause ? (error as Named).cause : error;
  log.error(`[error] ${where}:`, cause);
}

const INSTALLED = Symbol.for("kefu.quietRefusals");
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Next.js logs what a page or route throws with console.error("⨯", error) and the stack. Installed
 * once per server process (instrumentation.ts): when everything logged is a refusal, one warning
 * line takes its place; any other error is logged exactly as before.
 */
export function quietRefusals(target: Logger = console): void {
  const holder = target as Logger & { [INSTALLED]?: true };
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const original = target.error.bind(target);
  target.error = (...args: unknown[]) => {
    const errors = args.filter((a) => a instanceof Error || (typeof a === "object" && a !== null && "name" in a && "message" in a));
    const codes = errors.map((e) => refusalCode(e));
    if (errors.length > 0 && codes.every(Boolean)) {
      const where = args
        .filter((a): a is string => typeof a === "string")
        .map((s) => s.replace(ANSI, "").replace(/⨯/g, "").trim())
        .filter(Boolean)
        .join(" ")
        .replace(/\s+/g, " ")
        .slice(0, 200);
      target.warn(oneLine(where, errors[0], codes[0]!));
      return;
    }
    original(...args);
  };
}
