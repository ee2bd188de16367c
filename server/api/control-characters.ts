import { z, type ZodError } from "zod";
import { DomainError } from "../domain/errors";

// PostgreSQL cannot store U+0000 in text and answers such a query with an error (a 500 before);
// the other C0 controls and DEL are never typed by a person and only hide text. Line breaks and
// tabs stay: multi-line fields use them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Half of a surrogate pair (a broken emoji) is not a character: the audit log's jsonb refuses it
// ("unsupported Unicode escape sequence", a 500 before) and text columns would store U+FFFD.
const LONE_SURROGATE = /\p{Surrogate}/u;
const MAX_DEPTH = 32;

export type BadCharacter = { path: (string | number)[]; message: "controlCharacter" | "loneSurrogate" };

function badCharacterIn(s: string): BadCharacter["message"] | null {
  if (CONTROL.test(s)) return "controlCharacter";
  if (LONE_SURROGATE.test(s)) return "loneSurrogate";
  return null;
}

/** The first string (or key) in `input` holding a control character or half a surrogate pair, or null. */
export function badCharacterOf(input: unknown, path: (string | number)[] = [], depth = 0): BadCharacter | null {
  if (typeof input === "string") {
    const message = badCharacterIn(input);
    return message ? { path, message } : null;
  }
  if (depth > MAX_DEPTH || input === null || typeof input !== "object") return null;
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const hit = badCharacterOf(input[i], [...path, i], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(input)) {
    const message = badCharacterIn(k);
    if (message) return { path: [...path, k], message };
    const hit = badCharacterOf(v, [...path, k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

/**
 * A query string (an export's or a print's filters, read by the route itself, not through tRPC's
 * middleware) holding a control character or half a surrogate pair: BAD_CHARACTER, or null.
 */
export function badCharacterInQuery(sp: URLSearchParams): DomainError | null {
  return badCharacterOf([...sp.entries()]) ? new DomainError("BAD_CHARACTER") : null;
}

/** A refusal shaped as a validation error, so the form shows it under the field. */
export function controlCharacterError(path: (string | number)[], message: BadCharacter["message"] = "controlCharacter"): ZodError {
  // Made by zod itself (a hand-built ZodError is not seen as an Error by tRPC, which then drops it).
  const refusal = z.any().superRefine((_, ctx) => ctx.addIssue({ code: "custom", message, path }));
  return refusal.safeParse(null).error!;
}
