import type { Tx } from "../../server/db/tx";
import { seedYear } from "../../server/domain/calendar/calendar.service";
import { OFFICIAL_2026, PROVISIONAL_2027 } from "../../server/domain/calendar/official";

// 工作日历: China's 2026 arrangement (State Council) and 2027's statutory days (provisional until
// the 2027 notice is published; the admin imports it on /admin/calendar). Idempotent: a day
// already in the calendar — seeded or entered by the admin — is left as it is.
export async function seedCalendar(tx: Tx): Promise<{ created: number }> {
  return { created: await seedYear(tx, [...OFFICIAL_2026, ...PROVISIONAL_2027]) };
}
