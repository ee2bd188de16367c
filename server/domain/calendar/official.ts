import { addDays, type CalendarException, type ExceptionKind } from "./working-days";

// China's official holiday arrangements, the seed of the calendar (the admin keeps it from then on).
// 2026: the State Council's notice 国办发明电〔2025〕7号 (published November 2025).
// 2027: NOT yet published when this was written; only the statutory holidays of 《全国年节及纪念日放假办法》
// (2025 revision) are entered, on the 2027 lunar dates, without bridge days or 调休 — the admin must
// replace them with the published arrangement (the calendar page's import takes the list).

type Span = { name: string; from: string; to: string; workdays?: string[] };

function spans(list: Span[]): CalendarException[] {
  const out: CalendarException[] = [];
  for (const s of list) {
    for (let d = s.from; d <= s.to; d = addDays(d, 1)) out.push({ day: d, kind: "holiday" as ExceptionKind, name: s.name });
    for (const w of s.workdays ?? []) out.push({ day: w, kind: "workday", name: `${s.name}调休` });
  }
  return out;
}

export const OFFICIAL_2026: CalendarException[] = spans([
  { name: "元旦", from: "2026-01-01", to: "2026-01-03", workdays: ["2026-01-04"] },
  { name: "春节", from: "2026-02-15", to: "2026-02-23", workdays: ["2026-02-14", "2026-02-28"] },
  { name: "清明节", from: "2026-04-04", to: "2026-04-06" },
  { name: "劳动节", from: "2026-05-01", to: "2026-05-05", workdays: ["2026-05-09"] },
  { name: "端午节", from: "2026-06-19", to: "2026-06-21" },
  { name: "中秋节", from: "2026-09-25", to: "2026-09-27" },
  { name: "国庆节", from: "2026-10-01", to: "2026-10-07", workdays: ["2026-09-20", "2026-10-10"] },
]);

/** Provisional: statutory days only (see above). */
export const PROVISIONAL_2027: CalendarException[] = spans([
  { name: "元旦", from: "2027-01-01", to: "2027-01-01" },
  { name: "春节", from: "2027-02-05", to: "2027-02-08" },
  { name: "清明节", from: "2027-04-05", to: "2027-04-05" },
  { name: "劳动节", from: "2027-05-01", to: "2027-05-02" },
  { name: "端午节", from: "2027-06-09", to: "2027-06-09" },
  { name: "中秋节", from: "2027-09-15", to: "2027-09-15" },
  { name: "国庆节", from: "2027-10-01", to: "2027-10-03" },
]);
