import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { BORROW_STATUSES, PERIOD_FIELDS, type RegisterFilters } from "@/server/domain/borrowing/register.schema";

/** The register's filters as a plain GET form: works before hydration and gives shareable links. */
export async function RegisterFiltersForm({ filters }: { filters: RegisterFilters }) {
  const [t, ts, tc] = await Promise.all([getTranslations("register"), getTranslations("borrowStatus"), getTranslations("common")]);
  const periodLabel = { requested: t("periodRequested"), lent: t("periodLent"), returned: t("periodReturned") } as const;
  const active = !!(filters.from || filters.to || filters.borrower || filters.archiveNo || filters.status || filters.overdueOnly);
  return (
    <form method="get" className="mb-3 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" aria-label={tc("filter")}>
      {/* Sorting survives a new filter. */}
      {filters.sort !== "requestedAt" && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.dir === "asc" && <input type="hidden" name="dir" value="asc" />}
      <div className="text-sm">
        <label htmlFor="r-period" className="mb-1 block text-slate-600">{t("periodOf")}</label>
        <Select id="r-period" name="periodOf" defaultValue={filters.periodOf} className="w-32">
          {PERIOD_FIELDS.map((p) => (
            <option key={p} value={p}>
              {periodLabel[p]}
            </option>
          ))}
        </Select>
      </div>
      <div className="text-sm">
        <label htmlFor="r-from" className="mb-1 block text-slate-600">{t("from")}</label>
        <Input id="r-from" type="date" name="from" defaultValue={filters.from ?? ""} className="w-40" />
      </div>
      <div className="text-sm">
        <label htmlFor="r-to" className="mb-1 block text-slate-600">{t("to")}</label>
        <Input id="r-to" type="date" name="to" defaultValue={filters.to ?? ""} className="w-40" />
      </div>
      <div className="text-sm">
        <label htmlFor="r-borrower" className="mb-1 block text-slate-600">{t("borrower")}</label>
        <Input id="r-borrower" name="borrower" defaultValue={filters.borrower ?? ""} placeholder={t("borrowerPlaceholder")} className="w-36" maxLength={50} />
      </div>
      <div className="text-sm">
        <label htmlFor="r-archiveNo" className="mb-1 block text-slate-600">{t("archiveNo")}</label>
        <Input id="r-archiveNo" name="archiveNo" defaultValue={filters.archiveNo ?? ""} placeholder={t("archiveNoPlaceholder")} className="w-40 font-mono" maxLength={40} />
      </div>
      <div className="text-sm">
        <label htmlFor="r-status" className="mb-1 block text-slate-600">{t("status")}</label>
        <Select id="r-status" name="status" defaultValue={filters.status ?? ""} className="w-32">
          <option value="">{t("anyStatus")}</option>
          {BORROW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </Select>
      </div>
      <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdueOnly} className="h-4 w-4 accent-brand-600" />
        {t("overdueOnly")}
      </label>
      <Button type="submit" variant="secondary">
        {t("apply")}
      </Button>
      {active && (
        <Link href="/borrowing/register" className="text-sm text-brand-600 hover:underline">
          {tc("reset")}
        </Link>
      )}
    </form>
  );
}
