import { appRouter } from "../../server/api/root";
import type { Meta } from "../../server/api/trpc";
import type { Role } from "../../server/auth/roles";

// Every procedure of appRouter, found by walking the router, so new routers are covered the day
// they are added. Shared by the procedure × role walk and the procedure fuzz test.

export type Proc = { path: string; type: string; meta: Meta | undefined; inputs: unknown[] };
type RouterDef = {
  procedures: Record<string, { _def: { type: string; meta?: Meta; inputs?: unknown[] } }>;
  lazy: Record<string, { load: () => Promise<void> }>;
};

/** Every procedure, sorted by path, with its meta and its input parsers (zod schemas). */
export async function listProcedures(): Promise<Proc[]> {
  const def = appRouter._def as unknown as RouterDef;
  // Lazy sub-routers register their procedures only once loaded.
  for (let round = 0; Object.keys(def.lazy).length > 0; round++) {
    if (round > 50) throw new Error("lazy routers did not finish loading");
    await Promise.all(Object.values(def.lazy).map((l) => l.load()));
  }
  return Object.entries(def.procedures)
    .map(([path, p]) => ({ path, type: p._def.type, meta: p._def.meta, inputs: p._def.inputs ?? [] }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Whether a user holding `role` gets past the procedure's guard. */
export function allows(meta: Meta | undefined, role: Role): boolean {
  if (!meta) return false;
  if (meta.access === "public" || meta.access === "signed-in") return true;
  return meta.roles.includes(role);
}

/** The procedure `path` of a caller (`"a.b.c"` → `caller.a.b.c`). */
export function procedureOf(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
}
