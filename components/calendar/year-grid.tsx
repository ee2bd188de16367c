import { getTranslations } from "next-intl/server";
import type { CalendarException } from "@/server/domain/calendar/working-days";
import { cn } from "@/components/ui/cn";

// The year view of the working calendar: twelve month grids, Monday first; 放假 red, 调休上班
// amber, ordinary weekends grey. A server component (no interaction: edits go through the forms).

function monthDays(year: number, month: number): { day: string; dow: number }[] {
  const n = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1, i + 1));
    return { day: d.toISOString().slice(0, 10), dow: (d.getUTCDay() + 6) % 7 };
  });
}

export async function YearGrid({ year, days }: { year: number; days: CalendarException[] }) {
  const t = await getTranslations("calendarPage");
  const tk = await getTranslations("calendarKinds");
  const byDay = new Map(days.map((d) => [d.day, d]));
  const weekdays = t("weekdays").split(",");
  return (
    <div>
      <div className="mb-3 flex flex-wrap gap-4 text-xs text-slate-600">
        <span className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm bg-red-100 ring-1 ring-red-300" />{t("legendHoliday")}</span>
        <span className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm bg-amber-100 ring-1 ring-amber-400" />{t("legendWorkday")}</span>
        <span className="flex items-center gap-1"><span className="inline-block h-3 w-3 rounded-sm bg-slate-100 ring-1 ring-slate-300" />{t("legendWeekend")}</span>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
          const list = monthDays(year, month);
          const lead = list[0]!.dow;
          return (
            <section key={month} aria-label={t("monthTitle", { month })}>
              <h3 className="mb-1 text-sm font-semibold text-slate-700">{t("monthTitle", { month })}</h3>
              <div className="grid grid-cols-7 gap-0.5 text-center text-xs">
                {weekdays.map((w) => (
                  <div key={w} className="py-0.5 text-slate-400">{w}</div>
                ))}
                {Array.from({ length: lead }, (_, k) => <div key={`pad${k}`} />)}
                {list.map(({ day, dow }) => {
                  const ex = byDay.get(day);
                  const weekend = dow >= 5;
                  return (
                    <div
                      key={day}
                      title={ex ? `${day} ${tk(ex.kind)} ${ex.name}` : day}
                      className={cn(
                        "rounded-sm py-0.5 tabular-nums",
                        ex?.kind === "holiday" && "bg-red-100 font-semibold text-red-700 ring-1 ring-red-300",
                        ex?.kind === "workday" && "bg-amber-100 font-semibold text-amber-800 ring-1 ring-amber-400",
                        !ex && weekend && "bg-slate-100 text-slate-400",
                        !ex && !weekend && "text-slate-700",
                      )}
                    >
                      {Number(day.slice(8))}
                    </div>
                  );
                })}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
