import { describe, expect, it } from "vitest";
import { fakeExe, PLAIN_TEXT, tinyJpeg, tinyPdf, tinyPng, tinyTiff } from "../../../e2e/fixtures-data/attachment-files";
import { cleanFileName, contentDisposition, detectAttachmentType, hasThumbnail, isPreviewable } from "./attachment-type";

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
