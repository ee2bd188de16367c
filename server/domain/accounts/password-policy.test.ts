import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { MIN_PASSWORD_LENGTH, assertAcceptablePassword, isCommonPassword, isRepetition, isSimpleSequence } from "./password-policy";

function refusal(password: string, loginName: string): DomainError | null {
  try {
    assertAcceptablePassword(password, loginName);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
}

describe("assertAcceptablePassword (等保 2.0 身份鉴别, OWASP ASVS V2.1)", () => {
  it("refuses fewer than 8 characters and says how many are needed", () => {
    const e = refusal("Kf#2026", "zhangwei");
    expect(e?.code).toBe("PASSWORD_TOO_SHORT");
    expect(e?.params).toEqual({ min: 8 });
    expect(MIN_PASSWORD_LENGTH).toBe(8);
  });

  it("counts characters, not UTF-16 code units", () => {
    // 4 emoji are 8 code units but only 4 characters.
    expect(refusal("🔒🔑🔒🔑", "zhangwei")?.code).toBe("PASSWORD_TOO_SHORT");
    // 8 Chinese characters are 8 characters.
    expect(refusal("客服档案借阅登记表", "zhangwei")).toBeNull();
  });

  it("refuses common passwords from the leaked-password list", () => {
    for (const p of ["password", "12345678", "qwertyuiop", "iloveyou", "password1"]) {
      expect(refusal(p, "zhangwei")?.code, p).toBe("PASSWORD_TOO_COMMON");
    }
  });

  it("refuses common passwords whatever their case", () => {
    expect(refusal("PassWord", "zhangwei")?.code).toBe("PASSWORD_TOO_COMMON");
    expect(refusal("ILOVEYOU", "zhangwei")?.code).toBe("PASSWORD_TOO_COMMON");
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
  });

  it("refuses passwords common among Chinese users", () => {
    for (const p of ["woaini1314", "Admin@123", "1qaz2wsx", "abc123456"]) {
      expect(refusal(p, "zhangwei")?.code, p).toBe("PASSWORD_TOO_COMMON");
    }
  });

  it("refuses a password that contains the login name, in any case", () => {
    expect(refusal("zhangwei#2026", "zhangwei")?.code).toBe("PASSWORD_CONTAINS_LOGIN");
    expect(refusal("Kf-ZhangWei-9", "zhangwei")?.code).toBe("PASSWORD_CONTAINS_LOGIN");
  });

  it("does not apply the login-name rule to login names shorter than 3 characters", () => {
    expect(refusal("Lab-Kefu-2026", "ab")).toBeNull();
  });

  it("accepts a long, uncommon password without the login name", () => {
    expect(refusal("Kefu-Archive-2026", "zhangwei")).toBeNull();
    expect(isCommonPassword("Kefu-Archive-2026")).toBe(false);
  });

  it("refuses a password of spaces only, and one with spaces around it (issue 16 #10)", () => {
    expect(refusal("        ", "zhangwei")?.code).toBe("PASSWORD_BLANK");
    expect(refusal("\t\u3000  \u00a0   ", "zhangwei")?.code).toBe("PASSWORD_BLANK");
    expect(refusal(" Kefu-Archive-2026", "zhangwei")?.code).toBe("PASSWORD_EDGE_WHITESPACE");
    expect(refusal("Kefu-Archive-2026 ", "zhangwei")?.code).toBe("PASSWORD_EDGE_WHITESPACE");
    // A space inside is a passphrase, not a typo.
    expect(refusal("kefu archive 2026", "zhangwei")).toBeNull();
  });

  it("refuses one character, or a group of up to 3, repeated (aaaaaaaa)", () => {
    for (const p of ["aaaaaaaa", "kkkkkkkkkk", "AAAAaaaa", "abababab", "xyzxyzxyz", "档档档档档档档档"]) {
      expect(refusal(p, "zhangwei")?.code, p).toBe("PASSWORD_REPEATED");
    }
    expect(isRepetition("abcdabcd")).toBe(false);
  });

  it("refuses simple sequences either way (12345678, abcdefgh)", () => {
    for (const p of ["abcdefgh", "bcdefghij", "87654321", "98765432", "qponmlkj", "ABCDEFGH"]) {
      expect(refusal(p, "zhangwei")?.code, p).toBe("PASSWORD_SEQUENCE");
    }
    expect(isSimpleSequence("12345679")).toBe(false);
    expect(isSimpleSequence("1234abcd")).toBe(false);
  });

  it("refuses the login name itself as the password", () => {
    expect(refusal("zhangwei", "zhangwei")?.code).toBe("PASSWORD_CONTAINS_LOGIN");
  });

  it("names the field the refusal belongs to, so the form shows it there", () => {
    expect(refusal("aaaaaaaa", "zhangwei")?.field).toBe("newPassword");
    try {
      assertAcceptablePassword("aaaaaaaa", "zhangwei", "initialPassword");
    } catch (e) {
      expect((e as DomainError).field).toBe("initialPassword");
    }
  });
});
