import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DomainError } from "../domain/errors";

// A batch is printed form by form, so each form keeps its own "第 N 页 共 M 页" (every form is
// signed and filed on its own), then the PDFs are joined with poppler's pdfunite — installed with
// Chromium by scripts/ensure-system.sh. Chromium cannot number pages per document in one render.

export async function mergePdfs(parts: readonly Uint8Array[], timeoutMs = 20_000): Promise<Uint8Array> {
  if (parts.length === 1) return parts[0]!;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kefu-print-"));
  try {
    const files = await Promise.all(
      parts.map(async (p, i) => {
        const f = path.join(dir, `${String(i).padStart(4, "0")}.pdf`);
        await fs.writeFile(f, p);
        return f;
      }),
    );
    const out = path.join(dir, "merged.pdf");
    await new Promise<void>((resolve, reject) =>
      execFile("pdfunite", [...files, out], { timeout: timeoutMs }, (err) => {
        if (!err) return resolve();
        const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
        reject(new DomainError(missing ? "PRINT_UNAVAILABLE" : "PRINT_FAILED", { reason: missing ? "pdfunite not found" : "merge", status: 0 }));
      }),
    );
    return new Uint8Array(await fs.readFile(out));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
