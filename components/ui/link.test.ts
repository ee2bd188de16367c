import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
// The wrapper that turns prefetching off, and the sidebar's hover-prefetching link.
const ALLOWED = new Set(["components/ui/link.tsx", "components/shell/nav-link.tsx"]);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [rel] : [];
  });
}

describe("links", () => {
  it("go through components/ui/link (no background prefetch), except the sidebar's", () => {
    const files = [...sources("app"), ...sources("components")];
    expect(files.length).toBeGreaterThan(100);
    const direct = files.filter((f) => !ALLOWED.has(f) && /from\s+["']next\/link["']/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(direct, 'import Link from "@/components/ui/link" instead').toEqual([]);
    const users = files.filter((f) => /from\s+["']@\/components\/ui\/link["']/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(users.length).toBeGreaterThan(30);
  });
});
