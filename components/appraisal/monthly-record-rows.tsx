"use client";

import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import type { monthlyRecordRows } from "@/server/domain/appraisal/statistics.service";
import { DIMENSIONS } from "@/server/domain/appraisal/dimensions";
import { STATUS_TONE } from "./status-tone";

type Row = Awaited<ReturnType<typeof monthlyRecordRows>>[number];

/**
 * The month's records rendered from their fields (a server-rendered row is sent twice: as HTML and
 * as its element tree in the page data). Labels come as props: the page ships no catalogue.
 */
export function MonthlyRecordRows({ rows, labels }: { rows: Row[]; labels: { correction: string; statuses: Record<Row["status"], string> } }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className={r.superseded ? "text-slate-400 line-through" : ""}>
          <Td>
            <Link href={`/appraisal/${r.id}`} className="text-brand-600 hover:underline">
              {r.employee}
            </Link>
            {r.isCorrection && <span className="ml-1 text-xs text-slate-500">({labels.correction})</span>}
          </Td>
          <Td className="text-xs">{r.department}</Td>
          {DIMENSIONS.map((d) => (
            <Td key={d} className="text-right tabular-nums">
              {r[d]}
            </Td>
          ))}
          <Td className="text-right tabular-nums">{r.base}</Td>
          <Td className="text-right tabular-nums">{r.penalty}</Td>
          <Td className="text-right tabular-nums">{r.commendation}</Td>
          <Td className="text-right font-semibold tabular-nums">{r.total}</Td>
          <Td>
            <Tag tone={STATUS_TONE[r.status]}>{labels.statuses[r.status]}</Tag>
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
