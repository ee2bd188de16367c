import { describe, expect, it } from "vitest";
import { fakeExe, htmlPdfPolyglot, hugePngHeader, PLAIN_TEXT, tinyJpeg, tinyPdf, tinyPng, tinyTiff } from "../../../e2e/fixtures-data/attachment-files";
import {
  MAX_IMAGE_MEGAPIXELS,
  MAX_IMAGE_SIDE,
  attachmentHeaders,
  cleanFileName,
  contentDisposition,
  detectAttachmentType,
  hasThumbnail,
  imageDimensions,
  isImageTooLarge,
  isPreviewable,
  nameForType,
} from "./attachment-type";

describe("detectAttachmentType (by content, never by name)", () => {
  it.each([
    ["PDF", tinyPdf(), "application/pdf"],
    ["PNG", tinyPng(), "image/png"],
    ["JPEG", tinyJpeg(), "image/jpeg"],
    ["TIFF", tinyTiff(), "image/tiff"],
  ])("accepts a %s", async (_name, bytes, mime) => {
    expect((await detectAttachmentType(bytes)).mime).toBe(mime);
  });

  it("refuses a Windows executable and says what it looked like", async () => {
    const r = await detectAttachmentType(fakeExe());
    expect(r.mime).toBeNull();
    expect(r).toMatchObject({ detected: "application/x-msdownload" });
  });

  it("refuses plain text (a .txt renamed to .pdf has no PDF signature)", async () => {
    expect(await detectAttachmentType(PLAIN_TEXT)).toEqual({ mime: null, detected: null });
  });

  it("refuses a ZIP, even though it is a common document container", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expect((await detectAttachmentType(zip)).mime).toBeNull();
  });

  it("refuses an empty buffer", async () => {
    expect((await detectAttachmentType(new Uint8Array())).mime).toBeNull();
  });
});

describe("contentDisposition (RFC 6266 / RFC 5987)", () => {
  it("encodes a Chinese name as UTF-8 filename* with an ASCII fallback", () => {
    const h = contentDisposition("身份证复印件.pdf", "inline");
    expect(h).toBe(`inline; filename="______.pdf"; filename*=UTF-8''%E8%BA%AB%E4%BB%BD%E8%AF%81%E5%A4%8D%E5%8D%B0%E4%BB%B6.pdf`);
    expect(decodeURIComponent(h.split("UTF-8''")[1]!)).toBe("身份证复印件.pdf");
  });

  it("keeps quotes, backslashes and line breaks out of the header", () => {
    const h = contentDisposition('a"b\\c\r\nSet-Cookie: x.pdf', "attachment");
    expect(h.startsWith("attachment; ")).toBe(true);
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.match(/"/g)).toHaveLength(2); // only the fallback's own quotes
    expect(h).not.toContain("\\");
  });

  it("escapes the characters RFC 5987 does not allow unencoded", () => {
    expect(contentDisposition("a'(1)*.png", "inline")).toContain("filename*=UTF-8''a%27%281%29%2A.png");
  });
});

describe("file names and previews", () => {
  it("drops directories and control characters from an uploaded name", () => {
    expect(cleanFileName("C:\\scans\\..\\认购书.pdf")).toBe("认购书.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b.png")).toBe("ab.png");
    expect(cleanFileName("   ")).toBe("file");
    expect(cleanFileName("x".repeat(300))).toHaveLength(200);
  });

  it("previews PDF and browser images inline; TIFF only downloads", () => {
    expect(isPreviewable("application/pdf")).toBe(true);
    expect(isPreviewable("image/png")).toBe(true);
    expect(isPreviewable("image/tiff")).toBe(false);
    expect(hasThumbnail("application/pdf")).toBe(false);
    expect(hasThumbnail("image/jpeg")).toBe(true);
  });
});

describe("nameForType (the extension follows the content, issue 16 #8)", () => {
  it.each([
    ["poly.html", "application/pdf", "poly.pdf"],
    ["poly.HTM", "application/pdf", "poly.pdf"],
    ["scan.svg", "image/png", "scan.png"],
    ["合同.pdf.html", "application/pdf", "合同.pdf"],
    ["认购书", "application/pdf", "认购书.pdf"],
    ["合同 v1.2", "application/pdf", "合同 v1.2.pdf"],
    [".html", "application/pdf", "file.pdf"],
    ["照片.JPEG", "image/jpeg", "照片.JPEG"],
    ["照片.jpg", "image/jpeg", "照片.jpg"],
    ["照片.png", "image/jpeg", "照片.jpg"],
    ["扫描.tiff", "image/tiff", "扫描.tiff"],
    ["扫描.tif", "image/tiff", "扫描.tif"],
    ["身份证.PNG", "image/png", "身份证.PNG"],
  ])("%s as %s → %s", (name, mime, expected) => {
    expect(nameForType(name, mime)).toBe(expected);
  });

  it("stays within the 200-character name limit", () => {
    const n = nameForType(`${"长".repeat(199)}.html`, "application/pdf");
    expect(n.endsWith(".pdf")).toBe(true);
    expect(n.length).toBeLessThanOrEqual(200);
  });

  it("an HTML/PDF polyglot is a PDF by its bytes, so poly.html is handed out as poly.pdf, typed and nosniff", async () => {
    const type = await detectAttachmentType(htmlPdfPolyglot());
    expect(type.mime).toBe("application/pdf");
    const h = attachmentHeaders({ fileName: "poly.html", mimeType: "application/pdf", sizeBytes: 10 }, "attachment");
    expect(h).toMatchObject({ "Content-Type": "application/pdf", "X-Content-Type-Options": "nosniff", "Content-Disposition": `attachment; filename="poly.pdf"; filename*=UTF-8''poly.pdf` });
  });
});

describe("image size from the header (issue 16 #9)", () => {
  it("reads PNG, JPEG and TIFF sizes without decoding", () => {
    expect(imageDimensions(tinyPng(0, 16, 9))).toEqual({ width: 16, height: 9 });
    expect(imageDimensions(tinyJpeg(0, 640, 480))).toEqual({ width: 640, height: 480 });
    expect(imageDimensions(tinyTiff(3, 4))).toEqual({ width: 3, height: 4 });
    expect(imageDimensions(hugePngHeader())).toEqual({ width: 30_000, height: 30_000 });
  });

  it("cannot read a header that is not there", () => {
    expect(imageDimensions(PLAIN_TEXT)).toBeNull();
    expect(imageDimensions(hugePngHeader().subarray(0, 12))).toBeNull();
  });

  it("reads only the bytes it is given, not what follows them in a larger buffer", () => {
    // A PNG cut off after its width, handed as a slice of a buffer that goes on (as stream chunks are).
    const backing = Buffer.alloc(64, 0x7f);
    hugePngHeader().copy(backing, 0, 0, 20);
    expect(imageDimensions(backing.subarray(0, 20))).toBeNull();
  });

  it("refuses above 64 megapixels or 20000 px a side; an A4 scan at 600 dpi and a 50-MP photo pass", () => {
    expect([MAX_IMAGE_MEGAPIXELS, MAX_IMAGE_SIDE]).toEqual([64, 20_000]);
    expect(isImageTooLarge({ width: 30_000, height: 30_000 })).toBe(true);
    expect(isImageTooLarge({ width: 8_001, height: 8_001 })).toBe(true);
    expect(isImageTooLarge({ width: 20_001, height: 10 })).toBe(true);
    expect(isImageTooLarge({ width: 4_961, height: 7_016 })).toBe(false);
    expect(isImageTooLarge({ width: 8_160, height: 6_144 })).toBe(false);
    expect(isImageTooLarge({ width: 20_000, height: 3_200 })).toBe(false);
  });
});
