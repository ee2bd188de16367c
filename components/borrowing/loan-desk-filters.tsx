import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { DESK_SORTS, type DeskView } from "@/server/domain/borrowing/loan.schema";

/** The desk's search and sort: a plain GET form (works without JavaScript; the URL is the state). */
export async function LoanDeskFilters({ view, q, sort, dir }: { view: DeskView; q: string; sort: string; dir: string }) {
  const t = await getTranslations("loans");
  const tc = await getTranslations("common");
  return (
    <form role="search" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <input type="hidden" name="view" value={view} />
      <Input name="q" defaultValue={q} placeholder={t("searchPlaceholder")} aria-label={t("searchLabel")} className="min-w-72 flex-1" />
      <Select name="sort" defaultValue={sort} aria-label={t("sortLabel")} className="w-36">
        {DESK_SORTS.map((s) => (
          <option key={s} value={s}>
            {t(`sorts.${s}`)}
          </option>
        ))}
      </Select>
      <Select name="dir" defaultValue={dir} aria-label={t("sortLabel")} className="w-24">
        <option value="asc">{t("dirAsc")}</option>
        <option value="desc">{t("dirDesc")}</option>
      </Select>
      <Button type="submit">
        <Search className="h-4 w-4" aria-hidden />
        {tc("search")}
      </Button>
      <Link href={`?view=${view}`} className="text-sm text-slate-500 hover:text-slate-800">
        {tc("reset")}
      </Link>
    </form>
  );
}
