import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appRoot, clientNamespaces, routes } from "./client-graph";
import { ROOT_CLIENT_NAMESPACES } from "./client-namespaces";
import { MESSAGES } from "./config";

const rel = (f: string) => path.relative(appRoot, f);

/** The namespaces a page passes to withClientMessages([...], Page), or null. */
function pageNamespaces(file: string): string[] | null {
  const m = fs.readFileSync(file, "utf8").match(/withClientMessages\(\s*\[([^\]]*)\]/);
  if (!m) return null;
  return [...m[1]!.matchAll(/["']([^"']+)["']/g)].map((x) => x[1]!);
}

const root = new Set<string>(ROOT_CLIENT_NAMESPACES);

describe("client message namespaces", () => {
  it("finds the app's pages and the client components that translate", () => {
    // Guards the walk itself: if the parser broke, every check below would pass vacuously.
    const all = routes();
    expect(all.length).toBeGreaterThan(50);
    const recordPage = all.find((r) => rel(r.page) === "app/(portal)/archive/[recordId]/page.tsx")!;
    expect([...clientNamespaces(recordPage.page).keys()]).toContain("attachments");
  });

  it("layouts render only client components covered by the root provider", () => {
    const layouts = new Set(routes().flatMap((r) => r.layouts));
    layouts.add(path.join(appRoot, "app/not-found.tsx"));
    const missing: string[] = [];
    for (const layout of layouts) {
      for (const [ns, files] of clientNamespaces(layout)) if (!root.has(ns)) missing.push(`${rel(layout)}: "${ns}" (${files.join(", ")})`);
    }
    expect(missing, "add the namespace to ROOT_CLIENT_NAMESPACES or move the component into a page").toEqual([]);
  });

  it("every page's client components get every namespace they use, and no page asks for one it does not use", () => {
    const problems: string[] = [];
    for (const { page } of routes()) {
      const needed = clientNamespaces(page);
      const given = pageNamespaces(page) ?? [];
      for (const [ns, files] of needed) {
        if (ns === "") problems.push(`${rel(page)}: useTranslations() without a namespace in ${files.join(", ")}`);
        else if (!root.has(ns) && !given.includes(ns)) problems.push(`${rel(page)}: missing "${ns}" (used by ${[...new Set(files)].join(", ")})`);
      }
      for (const ns of given) {
        if (!needed.has(ns)) problems.push(`${rel(page)}: "${ns}" is passed but no client component below uses it`);
        if (root.has(ns)) problems.push(`${rel(page)}: "${ns}" is already in ROOT_CLIENT_NAMESPACES`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("names only namespaces the catalogue has, in both languages", () => {
    const names = [...root, ...routes().flatMap((r) => pageNamespaces(r.page) ?? [])];
    for (const ns of names) {
      expect(MESSAGES["zh-CN"], ns).toHaveProperty([ns]);
      expect(MESSAGES.en, ns).toHaveProperty([ns]);
    }
  });
});
