// 保管期限 (DOMAIN §1): 永久, 30 年, 10 年 or a custom number of years, counted from the date
// the file was formed. Dates are calendar days (stored as DATE, meaning Asia/Shanghai days).

export const RETENTION_PRESETS = [null, 30, 10] as const;

/** `2026-03-15` + 10 years → `2036-03-15`; 29 February falls back to 28 February. */
export function retentionExpiry(formedOn: string, retentionYears: number | null): string | null {
  if (retentionYears === null) return null;
  const [y, m, d] = formedOn.split("-").map(Number) as [number, number, number];
  const year = y + retentionYears;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

/** Past retention on `today` (a Shanghai day): eligible for the weeding list. */
export function isPastRetention(expiresOn: string | null, today: string): boolean {
  return expiresOn !== null && expiresOn <= today;
}

/** A DATE column's value as `yyyy-mm-dd` (Prisma returns it as UTC midnight). */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `yyyy-mm-dd` as the Date Prisma writes to a DATE column. */
export function dateOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
