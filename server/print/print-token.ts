import crypto from "node:crypto";

// Chromium fetches the print page without the user's cookie: the API route, after checking the
// user's role, mints a short-lived token naming exactly what may be rendered (form, ids, user,
// expiry, and a list form's filters as their canonical query string), signed with the server's
// secret. The print page accepts it instead of a session, for that form, those ids and those
// filters only, so a leaked token prints one form for a minute and nothing else.

export type PrintGrant = { form: string; ids: string[]; userId: string; expiresAt: number; query?: string };
export type TokenVerdict = { ok: true; grant: PrintGrant } | { ok: false; reason: "malformed" | "signature" | "expired" | "form" | "ids" | "query" };

export const PRINT_TOKEN_TTL_MS = 60_000;

function mac(secret: string, body: string): Buffer {
  return crypto.createHmac("sha256", `print-token\u0000${secret}`).update(body).digest();
}

export function signPrintToken(secret: string, grant: Omit<PrintGrant, "expiresAt">, now = Date.now(), ttlMs = PRINT_TOKEN_TTL_MS): string {
  const payload = { f: grant.form, i: grant.ids, u: grant.userId, e: now + ttlMs, ...(grant.query ? { q: grant.query } : {}) };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/** The grant, when the token is genuine, unexpired and for this form, exactly these ids and this query ("" = none). */
export function verifyPrintToken(secret: string, token: string, expect: { form: string; ids: readonly string[]; query?: string }, now = Date.now()): TokenVerdict {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return { ok: false, reason: "malformed" };
  const given = Buffer.from(sig, "base64url");
  const wanted = mac(secret, body);
  if (given.length !== wanted.length || !crypto.timingSafeEqual(given, wanted)) return { ok: false, reason: "signature" };
  let p: { f?: unknown; i?: unknown; u?: unknown; e?: unknown; q?: unknown };
  try {
    p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as typeof p;
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof p.f !== "string" || typeof p.u !== "string" || typeof p.e !== "number" || !Array.isArray(p.i) || !p.i.every((x) => typeof x === "string") || (p.q !== undefined && typeof p.q !== "string")) {
    return { ok: false, reason: "malformed" };
  }
  if (now >= p.e) return { ok: false, reason: "expired" };
  if (p.f !== expect.form) return { ok: false, reason: "form" };
  const ids = p.i as string[];
  if (ids.length !== expect.ids.length || ids.some((id, k) => id !== expect.ids[k])) return { ok: false, reason: "ids" };
  const query = (p.q as string | undefined) ?? "";
  if (query !== (expect.query ?? "")) return { ok: false, reason: "query" };
  return { ok: true, grant: { form: p.f, ids, userId: p.u, expiresAt: p.e, ...(query ? { query } : {}) } };
}
