import { dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "../errors";

// 等保 2.0 身份鉴别 + OWASP ASVS 5.0 V6.2: at least 8 characters, not a known common password, and
// none of the patterns a person types when a form insists on "a password" (issue 16 #10: eight
// spaces and "aaaaaaaa" were accepted on reset). One policy for every place a password is set:
// account creation, an admin's reset, one's own change and the first-sign-in change.
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

// zxcvbn's list (~30k leaked passwords, lower-case; @zxcvbn-ts/language-common, from the
// SecLists/HIBP corpora) plus ones common among Chinese users.
const COMMON = new Set<string>([
  ...(dictionary["passwords-common"] as string[]),
  "woaini1314", "5201314", "a123456", "aa123456", "abc123456", "qq123456", "1qaz2wsx", "zxcvbnm123", "admin123", "admin@123",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}

/** "aaaaaaaa", "abababab", "123123123": a unit of at most 3 characters, repeated. */
export function isRepetition(password: string): boolean {
  const chars = [...password.toLowerCase()];
  for (let unit = 1; unit <= 3 && unit * 2 <= chars.length; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/** "12345678", "abcdefgh", "87654321", "hgfedcba": every character one step from the last, one way. */
export function isSimpleSequence(password: string): boolean {
  const codes = [...password.toLowerCase()].map((c) => c.codePointAt(0)!);
  if (codes.length < 3) return false;
  const step = codes[1]! - codes[0]!;
  if (step !== 1 && step !== -1) return false;
  return codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/**
 * Throws the first rule the new password breaks, as a DomainError whose `field` names the form
 * field it belongs to, so the form shows the message under that field.
 */
export function assertAcceptablePassword(password: string, loginName: string, field = "newPassword"): void {
  const refuse = (code: ConstructorParameters<typeof DomainError>[0], params: Record<string, string | number> = {}) => {
    throw new DomainError(code, params, { field });
  };
  // Spaces only, or spaces around it: a paste that picked up a blank, or nothing typed at all.
  if (password.trim() === "") refuse("PASSWORD_BLANK");
  if (password !== password.trim()) refuse("PASSWORD_EDGE_WHITESPACE");
  if ([...password].length < MIN_PASSWORD_LENGTH) refuse("PASSWORD_TOO_SHORT", { min: MIN_PASSWORD_LENGTH });
  if (isCommonPassword(password)) refuse("PASSWORD_TOO_COMMON");
  if (isRepetition(password)) refuse("PASSWORD_REPEATED");
  if (isSimpleSequence(password)) refuse("PASSWORD_SEQUENCE");
  if (loginName.length >= 3 && password.toLowerCase().includes(loginName.toLowerCase())) refuse("PASSWORD_CONTAINS_LOGIN");
}
