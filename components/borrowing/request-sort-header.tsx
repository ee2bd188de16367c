import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp } from "lucide-react";
import { Th } from "@/components/ui/table";

/** A column header that sorts the list by its field (a GET link: filters kept, back to page 1). */
export function SortHeader({
  base,
  params,
  field,
  sort,
  dir,
  children,
}: {
  base: string;
  params: Record<string, string | undefined>;
  field: string;
  sort: string;
  dir: "asc" | "desc";
  children: React.ReactNode;
}) {
  const t = useTranslations("borrowing");
  const active = sort === field;
  const next = active && dir === "asc" ? "desc" : "asc";
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, sort: field, dir: next, page: undefined })) if (v) q.set(k, v);
  const Icon = active ? (dir === "asc" ? ArrowUp : ArrowDown) : null;
  return (
    <Th aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={`${base}?${q.toString()}`} className="inline-flex items-center gap-1 hover:text-slate-900" title={t(next === "asc" ? "sortAsc" : "sortDesc")}>
        {children}
        {Icon && <Icon className="h-3 w-3" aria-hidden />}
      </Link>
    </Th>
  );
}

/** The first records of a slip, 档号 + 题名, and how many more. */
export function RecordList({ records, max = 2, width = "max-w-64" }: { records: { archiveNo: string; title: string }[]; max?: number; width?: string }) {
  const t = useTranslations("borrowing");
  return (
    <ul className="space-y-0.5">
      {records.slice(0, max).map((r) => (
        <li key={r.archiveNo} className={`${width} truncate`} title={`${r.archiveNo} ${r.title}`}>
          <span className="cell-recno">{r.archiveNo}</span> {r.title}
        </li>
      ))}
      {records.length > max && <li className="text-xs text-slate-500">{t("moreRecords", { count: records.length - max })}</li>}
    </ul>
  );
}
