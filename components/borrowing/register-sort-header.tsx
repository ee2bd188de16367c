import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { Th } from "@/components/ui/table";
import { paramsOfFilters, type RegisterFilters } from "@/server/domain/borrowing/register.schema";

type SortKey = RegisterFilters["sort"];

/** A column header that sorts by its column; a second click turns the direction (back to page 1). */
export function RegisterSortHeader({ filters, sort, label, sortLabel }: { filters: RegisterFilters; sort: SortKey; label: string; sortLabel: string }) {
  const current = filters.sort === sort;
  const dir = current && filters.dir === "desc" ? "asc" : "desc";
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(paramsOfFilters({ ...filters, sort, dir }))) if (v) q.set(k, v);
  const Icon = !current ? ArrowUpDown : filters.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Th aria-sort={current ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`?${q.toString()}`} className="inline-flex items-center gap-1 hover:text-brand-700" title={sortLabel}>
        {label}
        <Icon className={current ? "h-3 w-3 text-brand-600" : "h-3 w-3 text-slate-300"} aria-hidden />
      </Link>
    </Th>
  );
}
