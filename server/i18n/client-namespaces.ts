import type { Messages } from "./config";

export type Namespace = keyof Messages;

/**
 * What the root layout hands to every page's client components: the shell's (language switch:
 * nav, header search: globalSearch) and what every form uses (submit button: common, zod
 * messages: validation). A page whose client components need more names them with
 * withClientMessages; client-scopes.test.ts walks the imports and fails on a missing or an
 * unused name, so the list cannot drift from the components.
 */
export const ROOT_CLIENT_NAMESPACES = ["common", "validation", "nav", "globalSearch"] as const satisfies readonly Namespace[];

/** The catalogue cut down to the given namespaces (top-level keys). */
export function pickMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  const out: Partial<M> = {};
  for (const ns of namespaces) if (ns in messages) out[ns as keyof M] = messages[ns as keyof M];
  return out;
}
