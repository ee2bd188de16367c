import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every page of the portal names its tab (issue 17 §6): a static title from the catalogue or a
// record's number via generateMetadata. Pages that only redirect have none to give.
const REDIRECT_ONLY = new Set(["admin/page.tsx", "notifications/[notificationId]/page.tsx"]);
const portal = path.join(__dirname, "..", "app", "(portal)");

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? pages(p) : e.name === "page.tsx" ? [p] : [];
  });
}

describe("page titles", () => {
  it("every portal page exports generateMetadata", () => {
    const all = pages(portal).map((p) => path.relative(portal, p).split(path.sep).join("/"));
    expect(all.length).toBeGreaterThan(50);
    const missing = all.filter((p) => !REDIRECT_ONLY.has(p) && !/export (const|async function) generateMetadata\b/.test(fs.readFileSync(path.join(portal, p), "utf8")));
    expect(missing).toEqual([]);
  });
});
