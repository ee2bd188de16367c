import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

/** A GET form choosing the year (and optionally the month); works without JavaScript. */
export async function PeriodSelect({ year, month, withMonth }: { year: number; month?: number | null; withMonth?: boolean }) {
  const t = await getTranslations("appraisal");
  const now = new Date().getFullYear();
  const years = Array.from({ length: 4 }, (_, i) => now - i);
  if (!years.includes(year)) years.push(year);
  return (
    <form className="flex items-center gap-2">
      <Select name="year" defaultValue={String(year)} aria-label={t("filterYear")} className="w-28">
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
      {withMonth && (
        <Select name="month" defaultValue={month ? String(month) : ""} aria-label={t("filterMonth")} className="w-28">
          <option value="">{t("allMonths")}</option>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </Select>
      )}
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
    </form>
  );
}

export function yearOf(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : new Date().getFullYear();
}
