import zlib from "node:zlib";

// Tiny, valid files made in code (no binaries in the repository) for the attachment tests:
// a PNG a browser can draw, a PDF a viewer opens, a JPEG and a TIFF with real headers.

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A width×height RGB PNG filled with one colour; different seeds give different content. */
export function tinyPng(seed = 0, width = 16, height = 16): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([(seed * 53) & 255, (seed * 97 + 80) & 255, 200], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", ihdr), pngChunk("IDAT", zlib.deflateSync(raw)), pngChunk("IEND", Buffer.alloc(0))]);
}

/** A one-page PDF with a line of (ASCII) text. */
export function tinyPdf(text = "scan"): Buffer {
  const stream = `BT /F1 12 Tf 20 50 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** JPEG/JFIF headers (SOI, APP0, a baseline SOF0 with the size) and an end marker: what content sniffing and the size check look at. */
export function tinyJpeg(seed = 0, width = 16, height = 16): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xfe, 0x00, 0x04, seed & 255, 0x00]), // a comment, so seeds differ in content
    sof,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A little-endian baseline TIFF header with an IFD giving the width and height. */
export function tinyTiff(width = 1, height = 1): Buffer {
  const b = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  b.write("II", 0, "ascii");
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(2, 8); // two entries
  [
    [256, width], // ImageWidth
    [257, height], // ImageLength
  ].forEach(([tag, value], i) => {
    const at = 10 + i * 12;
    b.writeUInt16LE(tag!, at);
    b.writeUInt16LE(4, at + 2); // LONG
    b.writeUInt32LE(1, at + 4);
    b.writeUInt32LE(value!, at + 8);
  });
  b.writeUInt32LE(0, 10 + 2 * 12); // no next IFD
  return b;
}

/**
 * A PNG whose header says width × height but whose pixels are never there to decode: the IHDR
 * and a tiny IDAT. Enough for any header reader; a 30000 × 30000 one is what issue 16 #9 uploaded.
 */
export function hugePngHeader(width = 30_000, height = 30_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", ihdr), pngChunk("IDAT", zlib.deflateSync(Buffer.alloc(64))), pngChunk("IEND", Buffer.alloc(0))]);
}

/** A file that is a PDF by its first bytes and an HTML page with a script after them (issue 16 #8). */
export function htmlPdfPolyglot(): Buffer {
  return Buffer.concat([tinyPdf("poly"), Buffer.from("<html><body><script>alert(document.domain)</script></body></html>\n", "latin1")]);
}

/** A Windows executable's first bytes (MZ header): must never pass as a "PDF". */
export function fakeExe(): Buffer {
  const b = Buffer.alloc(128);
  b.write("MZ", 0, "ascii");
  b.writeUInt32LE(64, 0x3c);
  b.write("PE\0\0", 64, "latin1");
  return b;
}

export const PLAIN_TEXT = Buffer.from("这不是 PDF，只是改了扩展名的文本文件。\n", "utf8");
