import { describe, expect, it } from "vitest";
import { maskIdNumber, maskPhone } from "./mask";

describe("maskIdNumber", () => {
  it("keeps the first 4 and last 4 characters of an 18-digit ID number", () => {
    expect(maskIdNumber("110101199003071234")).toBe("1101**********1234");
  });

  it("never shows the birth date", () => {
    const masked = maskIdNumber("110101199003071234");
    expect(masked).not.toContain("19900307");
    expect(masked).toHaveLength(18);
  });

  it("keeps the check character X and trims surrounding spaces", () => {
    expect(maskIdNumber("  11010119900307123X ")).toBe("1101**********123X");
  });

  it("masks an old 15-digit number the same way", () => {
    expect(maskIdNumber("110101900307123")).toBe("1101*******7123");
  });

  it("hides short values entirely instead of showing most of them", () => {
    expect(maskIdNumber("12345678")).toBe("********");
    expect(maskIdNumber("1234")).toBe("****");
    expect(maskIdNumber("123456789")).toBe("1234*6789");
  });

  it("returns an empty string for missing values", () => {
    expect(maskIdNumber("")).toBe("");
    expect(maskIdNumber(null)).toBe("");
    expect(maskIdNumber(undefined)).toBe("");
  });
});

describe("maskPhone", () => {
  it("masks a mobile number as 138****5678", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it("masks a landline, keeping area code start and last 4 digits", () => {
    expect(maskPhone("010-12345678")).toBe("010*****5678");
    expect(maskPhone("0755-1234567")).toBe("075*****4567");
  });

  it("trims spaces before masking", () => {
    expect(maskPhone(" 13812345678 ")).toBe("138****5678");
  });

  it("shows only the first character of short values", () => {
    expect(maskPhone("1234567")).toBe("1******");
    expect(maskPhone("12")).toBe("1*");
  });

  it("returns an empty string for missing values", () => {
    expect(maskPhone("")).toBe("");
    expect(maskPhone(null)).toBe("");
    expect(maskPhone(undefined)).toBe("");
  });
});
