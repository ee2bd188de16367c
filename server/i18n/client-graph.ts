// Static walk of the import graph from app/ routes: which client modules ("use client", and
// everything a client module imports) each page, layout and provider scope renders, and which
// message namespaces they ask for with useTranslations("ns"). Used by client-scopes.test.ts so a
// client component whose namespace its segment's provider lacks fails a test, not a user's screen.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXTS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

type ModuleInfo = { file: string; isClient: boolean; imports: string[]; namespaces: string[]; scopes: string[] };
const cache = new Map<string, ModuleInfo>();

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package: not ours
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base;
  for (const ext of EXTS) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

export function moduleInfo(file: string): ModuleInfo {
  const hit = cache.get(file);
  if (hit) return hit;
  const src = fs.readFileSync(file, "utf8");
  const isClient = /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use client["']/.test(src);
  const imports: string[] = [];
  // Value imports and re-exports; `import type` brings no code to the client.
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g)) {
    const r = resolveImport(file, m[1]!);
    if (r && /\.(tsx?|jsx?)$/.test(r)) imports.push(r);
  }
  for (const m of src.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
    const r = resolveImport(file, m[1]!);
    if (r) imports.push(r);
  }
  const namespaces = [...src.matchAll(/useTranslations\(\s*(?:["'`]([^"'`]*)["'`])?\s*\)/g)].map((m) => (m[1] ?? "").split(".")[0]!);
  const scopes = [...src.matchAll(/<ClientMessages\s+scope=["']([^"']+)["']/g)].map((m) => m[1]!);
  const info = { file, isClient, imports, namespaces, scopes };
  cache.set(file, info);
  return info;
}

/**
 * Namespaces the client side of `entry` needs: every client module reachable from it (through
 * server modules, which do not need client messages, and then everything below a client module,
 * which runs in the browser too). "" stands for useTranslations() without a namespace.
 */
export function clientNamespaces(entry: string): Map<string, string[]> {
  const out = new Map<string, string[]>(); // namespace → client files asking for it
  const seen = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const key = `${client}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const info = moduleInfo(file);
    const isClient = client || info.isClient;
    if (isClient) for (const ns of info.namespaces) out.set(ns, [...(out.get(ns) ?? []), path.relative(ROOT, file)]);
    for (const dep of info.imports) walk(dep, isClient);
  };
  walk(entry, false);
  return out;
}

/** Every page.tsx under app/ with the layouts above it, outermost first. */
export function routes(): { page: string; layouts: string[] }[] {
  const out: { page: string; layouts: string[] }[] = [];
  const visit = (dir: string, layouts: string[]) => {
    const layout = path.join(dir, "layout.tsx");
    const chain = fs.existsSync(layout) ? [...layouts, layout] : layouts;
    const page = path.join(dir, "page.tsx");
    if (fs.existsSync(page)) out.push({ page, layouts: chain });
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) visit(path.join(dir, e.name), chain);
  };
  visit(path.join(ROOT, "app"), []);
  return out;
}

export const appRoot = ROOT;
