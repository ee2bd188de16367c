import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

// Chromium's PDF backend cannot embed the CFF outlines of Debian's Noto CJK fonts: it writes them
// as Type 3 fonts and, for every face a document uses, walks the whole face (65,535 glyphs). That
// was ~0.5 s per face and ~3.3 s of a one-page form with its six faces, on an idle machine. A face
// cut down to the characters of the form costs next to nothing (0.5 s for the whole form, and
// 296 KB → 121 KB of PDF), so every PDF gets its own subsets as @font-face data URLs under the
// families the print CSS names (a web font shadows the installed font of the same family).
// Characters outside the subset, or a machine without the fonts, fall back to the installed
// fonts as before: slower, never wrong.
//
// The subsetter is HarfBuzz's (harfbuzzjs), loaded at the first print.

export type PrintFace = { family: string; weight: 400 | 700; style: string };

/** The faces the print CSS uses (print-css.ts, labels.tsx): Debian ships Regular and Bold. */
export const PRINT_FACES: readonly PrintFace[] = ["Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Sans Mono CJK SC"].flatMap((family) => [
  { family, weight: 400 as const, style: "Regular" },
  { family, weight: 700 as const, style: "Bold" },
]);

type Hb = Record<string, (...args: number[]) => number> & { memory: WebAssembly.Memory };
type LocatedFace = PrintFace & { file: string; index: number };
type Subsetter = { hb: Hb; faces: LocatedFace[] };

const HB_MEMORY_MODE_READONLY = 1;

/** Where fontconfig has each face: a file and its index in the collection. */
async function locateFaces(): Promise<LocatedFace[]> {
  const { stdout } = await promisify(execFile)("fc-list", ["--format", "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\n"], { timeout: 15_000 });
  const rows = stdout.split("\n").map((l) => l.split("\t"));
  return PRINT_FACES.flatMap((f) => {
    const row = rows.find(([, , family, style]) => family === f.family && style === f.style);
    return row ? [{ ...f, file: row[0]!, index: Number(row[1]) }] : [];
  });
}

async function loadSubsetter(): Promise<Subsetter> {
  // Resolved from the project root at run time: Next.js bundles server code, and the .wasm is a file.
  const wasmPath = createRequire(path.join(process.cwd(), "package.json")).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm");
  const { instance } = await WebAssembly.instantiate(await fs.readFile(wasmPath));
  const hb = instance.exports as unknown as Hb;
  hb._initialize!();
  const faces = await locateFaces();
  if (faces.length === 0) throw new Error("fc-list knows none of the Noto CJK SC faces");
  return { hb, faces };
}

let subsetter: Promise<Subsetter | null> | undefined;
let warned = false;

function theSubsetter(): Promise<Subsetter | null> {
  subsetter ??= loadSubsetter().catch((e: unknown) => {
    if (!warned) console.warn(`[print] fonts are not subset (PDFs print with the installed fonts, slower): ${e instanceof Error ? e.message : String(e)}`);
    warned = true;
    return null;
  });
  return subsetter;
}

/**
 * The faces of one collection file cut down to these code points, as OpenType fonts (null where
 * HarfBuzz refuses one). Synchronous from the copy in to the copies out, so calls never share
 * the module's memory, which is fixed at 65 MB: one collection (≤ 27 MB) at a time.
 */
function subsetCollection(hb: Hb, bytes: Buffer, indexes: number[], codePoints: Set<number>): (Buffer | null)[] {
  const ptr = hb.malloc!(bytes.byteLength);
  if (ptr === 0) return indexes.map(() => null);
  try {
    new Uint8Array(hb.memory.buffer).set(bytes, ptr);
    const blob = hb.hb_blob_create!(ptr, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    try {
      return indexes.map((index) => {
        const face = hb.hb_face_create!(blob, index);
        try {
          return subsetFace(hb, face, codePoints);
        } finally {
          hb.hb_face_destroy!(face);
        }
      });
    } finally {
      hb.hb_blob_destroy!(blob);
    }
  } finally {
    hb.free!(ptr);
  }
}

/**
 * HarfBuzz's default layout features stay (locl, kern, liga, …): Chromium shapes a zh-CN page with
 * them, e.g. the full-width "—" of 2012—2014 comes from `locl`, and the subset must draw the same.
 */
function subsetFace(hb: Hb, face: number, codePoints: Set<number>): Buffer | null {
  const input = hb.hb_subset_input_create_or_fail!();
  if (input === 0) return null;
  try {
    const unicodes = hb.hb_subset_input_unicode_set!(input);
    for (const cp of codePoints) hb.hb_set_add!(unicodes, cp);
    const subset = hb.hb_subset_or_fail!(face, input);
    if (subset === 0) return null;
    const blob = hb.hb_face_reference_blob!(subset);
    const data = hb.hb_blob_get_data!(blob, 0);
    const length = hb.hb_blob_get_length!(blob);
    const out = length > 0 ? Buffer.from(new Uint8Array(hb.memory.buffer, data, length)) : null;
    hb.hb_blob_destroy!(blob);
    hb.hb_face_destroy!(subset);
    return out;
  } finally {
    hb.hb_subset_input_destroy!(input);
  }
}

/** Every character the document may draw: its own, and printable ASCII for whatever markup decodes to. */
export function codePointsOf(text: string): Set<number> {
  const cps = new Set<number>();
  for (let cp = 0x20; cp < 0x7f; cp++) cps.add(cp);
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7f) cps.add(cp);
  }
  return cps;
}

/**
 * `@font-face` rules for the print faces, each cut down to the characters of `text` (the whole
 * HTML is fine: markup adds only ASCII). Empty when the fonts or HarfBuzz are unavailable.
 */
export async function printFontFaces(text: string): Promise<string> {
  const s = await theSubsetter();
  if (!s) return "";
  // One document at a time: each holds a 20–27 MB collection in memory while it is cut, and a
  // burst of 30 prints at once would hold them all (2.3 GB measured before this queue).
  const run = oneAtATime.then(() => subsetAll(s, codePointsOf(text)));
  oneAtATime = run.catch(() => undefined);
  return run;
}

let oneAtATime: Promise<unknown> = Promise.resolve();

async function subsetAll(s: Subsetter, cps: Set<number>): Promise<string> {
  const rules: string[] = [];
  for (const file of new Set(s.faces.map((f) => f.file))) {
    const faces = s.faces.filter((f) => f.file === file);
    // Read per document rather than held: the four collections are 92 MB, and the page cache has them.
    const bytes = await fs.readFile(file).catch(() => null);
    if (!bytes) continue;
    subsetCollection(s.hb, bytes, faces.map((f) => f.index), cps).forEach((font, i) => {
      const f = faces[i]!;
      if (font) rules.push(`@font-face{font-family:"${f.family}";font-weight:${f.weight};src:url(data:font/otf;base64,${font.toString("base64")}) format("opentype");}`);
    });
  }
  return rules.join("\n");
}
