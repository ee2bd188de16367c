// 个人信息保护 (004 第二十三条, 003 信息安全): ID numbers and phones leave the server masked.

/** `110101199003071234` → `1101**********1234` (first 4 and last 4 kept). */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return "";
  const s = id.trim();
  if (s.length <= 8) return "*".repeat(s.length);
  return s.slice(0, 4) + "*".repeat(s.length - 8) + s.slice(-4);
}

/** `13812345678` → `138****5678`; other lengths keep the first 3 and the last 4 where possible. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  const s = phone.trim();
  if (s.length <= 7) return s.slice(0, 1) + "*".repeat(Math.max(s.length - 1, 0));
  return s.slice(0, 3) + "*".repeat(s.length - 7) + s.slice(-4);
}
