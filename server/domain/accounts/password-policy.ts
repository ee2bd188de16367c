import { dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "../errors";

// 等保 2.0 身份鉴别 + OWASP ASVS V2.1: at least 8 characters, and not a known common password.
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

// zxcvbn's list (~49k leaked passwords, lower-case) plus ones common among Chinese users.
const COMMON = new Set<string>([
  ...(dictionary["passwords-common"] as string[]),
  "woaini1314", "5201314", "a123456", "aa123456", "abc123456", "qq123456", "1qaz2wsx", "zxcvbnm123", "admin123", "admin@123",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/** Throws the first rule the new password breaks. */
export function assertAcceptablePassword(password: string, loginName: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new DomainError("PASSWORD_TOO_SHORT", { min: MIN_PASSWORD_LENGTH });
  if (isCommonPassword(password)) throw new DomainError("PASSWORD_TOO_COMMON");
  if (loginName.length >= 3 && password.toLowerCase().includes(loginName.toLowerCase())) {
    throw new DomainError("PASSWORD_CONTAINS_LOGIN");
  }
}
