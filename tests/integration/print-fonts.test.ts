import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAll, DEMO_WEEDING_REASON } from "../../prisma/seed/index";
import { PrintPool } from "../../server/print/browser-pool";
import { weedingListForm } from "../../server/print/forms/weeding-list";
import { prepareDocuments } from "../../server/print/print-document";
import { codePointsOf, PRINT_FACES } from "../../server/print/print-fonts";
import { printHtml } from "../../server/print/print-html";
import { renderPdf } from "../../server/print/render-pdf";
import type { PrintActor } from "../../server/print/print.service";
import { useTestDatabase } from "./helpers";
import { pdfText } from "./print-origin";

// Issue 15 §3: each PDF carries its fonts cut down to its own characters (print-fonts.ts). The
// subset must draw exactly what the installed fonts draw, and make the PDF smaller.
const t = useTestDatabase();
let pool: PrintPool;
let html: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "print-fonts-"));

/** Page 1 rasterised to 8-bit grey at 50 dpi: width, height and the pixels. */
function raster(pdf: Uint8Array, name: string): { w: number; h: number; px: Buffer } {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-r", "50", "-gray", "-f", "1", "-l", "1", file, path.join(dir, name)], { timeout: 60_000 });
  const pgm = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith(`${name}-`) && f.endsWith(".pgm"))!));
  const [magic, w, h, max] = pgm.toString("latin1", 0, 64).split(/\s+/);
  expect([magic, max]).toEqual(["P5", "255"]);
  const headerLength = pgm.indexOf(Buffer.from(`${max}\n`), 2) + `${max}\n`.length;
  return { w: Number(w), h: Number(h), px: pgm.subarray(headerLength) };
}

beforeAll(async () => {
  await seedAll(t.db);
  pool = new PrintPool({ maxPages: 1, renderTimeoutMs: 120_000, launchTimeoutMs: 60_000 });
  const u = await t.db.user.findUniqueOrThrow({ where: { loginName: "manager" }, select: { id: true, displayName: true, roles: { select: { role: true } } } });
  const actor: PrintActor = { id: u.id, name: u.displayName, roles: u.roles.map((r) => r.role) };
  const list = await t.db.weedingList.findFirstOrThrow({ where: { reason: DEMO_WEEDING_REASON }, select: { id: true } });
  const docs = await weedingListForm.load(t.db, actor, [list.id], {});
  html = await printHtml(await prepareDocuments(weedingListForm, docs), actor, new Date("2026-12-02T06:00:00Z"));
}, 180_000);

afterAll(async () => {
  await pool?.close();
  if (process.env.KEEP_PRINT_FONTS_DIR) fs.cpSync(dir, process.env.KEEP_PRINT_FONTS_DIR, { recursive: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("print fonts", () => {
  it("every character of the text and printable ASCII are in the subset; markup adds nothing else", () => {
    const cps = codePointsOf("<b>档案 A&amp;B</b>");
    expect([..."档案AB&<>\"' ~"].every((c) => cps.has(c.codePointAt(0)!))).toBe(true);
    expect(cps.size).toBe(95 + 2);
  });

  it("the form's HTML carries one subset per print face", () => {
    const faces = [...html.matchAll(/@font-face\{font-family:"([^"]+)";font-weight:(\d+);src:url\(data:font\/otf;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(faces.map((m) => `${m[1]} ${m[2]}`).sort()).toEqual(PRINT_FACES.map((f) => `${f.family} ${f.weight}`).sort());
    for (const m of faces) {
      const bytes = Buffer.from(m[3]!, "base64");
      expect(bytes.toString("latin1", 0, 4)).toBe("OTTO"); // CFF outlines, as in the collection
      // A whole face is 16–25 MB; this one holds a page of characters.
      expect(bytes.byteLength).toBeLessThan(200_000);
    }
  });

  it("draws exactly what the installed fonts draw, in a smaller PDF, with the page number of the @page box", async () => {
    const subset = await renderPdf(pool, { html });
    const installed = await renderPdf(pool, { html: html.replace(/<style>@font-face[\s\S]*?<\/style>/, "<style></style>") });
    expect(installed.byteLength).toBeGreaterThan(subset.byteLength * 1.5);

    const a = raster(subset, "subset");
    const b = raster(installed, "installed");
    expect([a.w, a.h]).toEqual([b.w, b.h]);
    let differing = 0;
    for (let i = 0; i < a.px.length; i++) if (Math.abs(a.px[i]! - b.px[i]!) > 32) differing++;
    // Every glyph is the same outline either way; a missing one would differ by a whole character.
    expect(differing / a.px.length).toBeLessThan(0.0001); // a "—" drawn half as wide was 0.0011

    const file = path.join(dir, "text.pdf");
    fs.writeFileSync(file, subset);
    const text = pdfText(file);
    for (const s of ["档案剔除/销毁清单", "华景园2012年楼书", "监销人签字"]) expect(text).toContain(s);
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
  }, 180_000);
});
