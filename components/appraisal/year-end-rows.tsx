"use client";

import Link from "@/components/ui/link";
import { Tag } from "@/components/ui/tag";
import type { yearEndTable } from "@/server/domain/appraisal/year-end.service";

type Row = Awaited<ReturnType<typeof yearEndTable>>["rows"][number];
type Part = keyof Row["formula"] & ("checksMean" | "monthlyMean" | "yearEnd");
export type YearEndLabels = { missing: string; outstanding: string; missingParts: string; parts: Record<string, string> };

/**
 * 年度员工绩效考核情况统计表's rows from their fields: the page data carries the figures, not a
 * second copy of the row markup, and the cells' styles are the short `.cell-*` classes (a row has
 * seventeen cells). `missingParts` holds "{parts}", filled here with the parts' labels.
 */
export function YearEndRows({ rows, year, labels }: { rows: Row[]; year: number; labels: YearEndLabels }) {
  const part = (r: Row, p: Part) => r.formula[p] ?? <span className="text-amber-700">{labels.missing}</span>;
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.employee.id} className="hover:bg-slate-50" data-testid={`year-end-row-${r.employee.name}`}>
          <td className="cell-num">{r.rank ?? "—"}</td>
          <td className="whitespace-nowrap">
            <Link href={`/appraisal/year-end/${r.employee.id}?year=${year}`} className="font-medium text-brand-600 hover:underline">
              {r.employee.name}
            </Link>
            {r.formula.outstanding && (
              <span className="ml-1">
                <Tag tone="violet">{labels.outstanding}</Tag>
              </span>
            )}
          </td>
          {r.months.map((m, i) => (
            <td key={i} className="cell-month">
              {m?.replace(/\.00$/, "") ?? ""}
            </td>
          ))}
          <td className="cell-num">{part(r, "checksMean")}</td>
          <td className="cell-num">{part(r, "monthlyMean")}</td>
          <td className="cell-num">{part(r, "yearEnd")}</td>
          <td className="cell-num font-semibold" data-testid="year-end-total">
            {r.formula.total ?? <span className="whitespace-nowrap text-xs font-normal text-amber-700">{labels.missingParts.replace("{parts}", r.formula.missing.map((p) => labels.parts[p] ?? p).join("、"))}</span>}
          </td>
          <td className="cell-num">{r.pending || ""}</td>
        </tr>
      ))}
    </tbody>
  );
}
