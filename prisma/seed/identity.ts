// Plausible (fictional) Chinese identity numbers and phone numbers for demo and bench data.
// The check characters are computed by the real standards so that validators in the portal
// accept them: GB 11643 (resident ID, ISO 7064 MOD 11-2), GB 11714 (organisation code) and
// GB 32100 (unified social credit code).
import type { Rng } from "./prng";

// Districts of 广州市 (GB/T 2260), most buyers are local; a few out-of-town codes for variety.
export const GUANGZHOU_AREAS = [
  { code: "440103", name: "荔湾区" },
  { code: "440104", name: "越秀区" },
  { code: "440105", name: "海珠区" },
  { code: "440106", name: "天河区" },
  { code: "440111", name: "白云区" },
  { code: "440112", name: "黄埔区" },
  { code: "440113", name: "番禺区" },
  { code: "440114", name: "花都区" },
  { code: "440115", name: "南沙区" },
  { code: "440118", name: "增城区" },
] as const;
const OTHER_AREAS = ["430102", "360102", "450103", "440304", "440604"] as const; // 长沙 南昌 南宁 深圳 佛山

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = "10X98765432";

/** The 18th character of a resident ID number for its first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function isValidResidentId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** An 18-digit resident ID; the sequence code's parity carries the sex (odd = male). */
export function residentId(rng: Rng, opts: { male: boolean; birthYearFrom?: number; birthYearTo?: number }): string {
  const area = rng.chance(0.85) ? rng.pick(GUANGZHOU_AREAS).code : rng.pick(OTHER_AREAS);
  const year = rng.int(opts.birthYearFrom ?? 1958, opts.birthYearTo ?? 1998);
  const month = rng.int(1, 12);
  const day = rng.int(1, [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);
  let seq = rng.int(0, 998);
  if ((seq % 2 === 1) !== opts.male) seq += 1;
  const first17 = `${area}${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${String(seq).padStart(3, "0")}`;
  return first17 + residentIdCheckChar(first17);
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // GB 32100: no I, O, S, V, Z
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** The 18th character of a unified social credit code for its first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export function isValidUscc(code: string): boolean {
  if (code.length !== 18 || [...code].some((c) => !USCC_CHARS.includes(c))) return false;
  return usccCheckChar(code.slice(0, 17)) === code[17] && orgCodeCheckChar(code.slice(8, 16)) === code[16];
}

/** 统一社会信用代码: 9 (工商) 1 (企业) + area code + organisation code (with its own check) + check. */
export function unifiedSocialCreditCode(rng: Rng, areaCode: string): string {
  const org = rng.digits(8);
  const first17 = `91${areaCode}${org}${orgCodeCheckChar(org)}`;
  return first17 + usccCheckChar(first17);
}

const MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199"] as const;

export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** A Guangzhou landline: 020- and eight digits starting 2, 3 or 8. */
export function guangzhouLandline(rng: Rng): string {
  return `020-${rng.pick(["2", "3", "8"])}${rng.digits(7)}`;
}
