import { getISOWeek, getISOWeekYear } from "date-fns";
import type { AppraisalKind } from "../../db/generated/client";
import { DomainError } from "../errors";

// The period an assessment covers, as the Shanghai calendar day it starts on: a 周检 the Monday
// of its week, a 月检/月考核 the 1st of its month, an 抽检 its own day, a 年终考评 1 January.
// The form sends "yyyy-mm-dd" (周检, 抽检), "yyyy-mm" (月检, 月考核) or "yyyy" (年终考评).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && y >= 2000 && y <= 2100;
}
const pad = (n: number) => String(n).padStart(2, "0");

export function periodStartOf(kind: AppraisalKind, period: string): { periodStart: string; year: number } {
  const bad = () => new DomainError("APPRAISAL_BAD_PERIOD", { period }, { field: "period" });
  if (kind === "weekly_check" || kind === "spot_check") {
    const m = DAY.exec(period);
    if (!m) throw bad();
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) throw bad();
    if (kind === "spot_check") return { periodStart: period, year: y };
    const date = new Date(Date.UTC(y, mo - 1, d));
    const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
    const start = `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
    // A week belongs to the year of its Monday (a week spanning New Year counts where it began).
    return { periodStart: start, year: monday.getUTCFullYear() };
  }
  if (kind === "monthly_check" || kind === "monthly") {
    const m = MONTH.exec(period);
    if (!m || !validDay(Number(m[1]), Number(m[2]), 1)) throw bad();
    return { periodStart: `${m[1]}-${m[2]}-01`, year: Number(m[1]) };
  }
  const m = YEAR.exec(period);
  if (!m || !validDay(Number(m[1]), 1, 1)) throw bad();
  return { periodStart: `${m[1]}-01-01`, year: Number(m[1]) };
}

/** How a period is written on lists and forms: 2026-W14, 2026-03, 2026-03-15, 2026. */
export function periodLabel(kind: AppraisalKind, periodStart: string): string {
  if (kind === "weekly_check") {
    const d = new Date(`${periodStart}T00:00:00Z`);
    return `${getISOWeekYear(d)}-W${pad(getISOWeek(d))}`;
  }
  if (kind === "monthly_check" || kind === "monthly") return periodStart.slice(0, 7);
  if (kind === "year_end") return periodStart.slice(0, 4);
  return periodStart;
}
