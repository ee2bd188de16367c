import { z, type ZodError } from "zod";

// PostgreSQL cannot store U+0000 in text and answers such a query with an error (a 500 before);
// the other C0 controls and DEL are never typed by a person and only hide text. Line breaks and
// tabs stay: multi-line fields use them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const MAX_DEPTH = 32;

/** The path of the first string (or key) in `input` holding a control character, or null. */
export function controlCharacterPath(input: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof input === "string") return CONTROL.test(input) ? path : null;
  if (depth > MAX_DEPTH || input === null || typeof input !== "object") return null;
  if (Array.isArray(input)) {
    for (let i = 0; i < input.length; i++) {
      const hit = controlCharacterPath(input[i], [...path, i], depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(input)) {
    if (CONTROL.test(k)) return [...path, k];
    const hit = controlCharacterPath(v, [...path, k], depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** A refusal shaped as a validation error, so the form shows it under the field. */
export function controlCharacterError(path: (string | number)[]): ZodError {
  // Made by zod itself (a hand-built ZodError is not seen as an Error by tRPC, which then drops it).
  const refusal = z.any().superRefine((_, ctx) => ctx.addIssue({ code: "custom", message: "controlCharacter", path }));
  return refusal.safeParse(null).error!;
}
