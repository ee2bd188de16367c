import Link from "@/components/ui/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Th } from "@/components/ui/table";
import { paramsOfFilters, type RegisterFilters } from "@/server/domain/borrowing/register.schema";

type SortKey = RegisterFilters["sort"];

/** A link that sorts by its column; a second click turns the direction (back to page 1). */
export function RegisterSortLink({ filters, sort, label, sortLabel }: { filters: RegisterFilters; sort: SortKey; label: string; sortLabel: string }) {
  const current = filters.sort === sort;
  const dir = current && filters.dir === "desc" ? "asc" : "desc";
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(paramsOfFilters({ ...filters, sort, dir }))) if (v) q.set(k, v);
  const Icon = !current ? ArrowUpDown : filters.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Link href={`?${q.toString()}`} className="inline-flex items-center gap-1 hover:text-brand-700" title={sortLabel} aria-current={current ? "true" : undefined}>
      {label}
      <Icon className={current ? "h-3 w-3 text-brand-600" : "h-3 w-3 text-slate-300"} aria-hidden />
    </Link>
  );
}

/** A header sorting by its column (two links when one column shows two dates). */
export function RegisterSortHeader({ filters, sorts, sortLabel }: { filters: RegisterFilters; sorts: { sort: SortKey; label: string }[]; sortLabel: (label: string) => string }) {
  const current = sorts.some((s) => s.sort === filters.sort);
  return (
    <Th className="px-2" aria-sort={current ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <span className="inline-flex items-center gap-2">
        {sorts.map((s, i) => (
          <span key={s.sort} className="inline-flex items-center gap-2">
            {i > 0 && <span className="text-slate-300">/</span>}
            <RegisterSortLink filters={filters} sort={s.sort} label={s.label} sortLabel={sortLabel(s.label)} />
          </span>
        ))}
      </span>
    </Th>
  );
}
