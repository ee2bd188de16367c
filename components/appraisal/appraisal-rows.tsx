"use client";

import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag, type Tone } from "@/components/ui/tag";

type TagView = { label: string; tone: Tone };
export type AppraisalRow = {
  id: string;
  employeeName: string;
  /** （更正记录） when the row corrects another */
  correction: string | null;
  kind: TagView;
  period: string;
  scores: [string, string, string, string];
  penalty: string;
  commendation: string;
  total: string;
  status: TagView;
  /** 有异议 when the employee disputed */
  disputed: string | null;
  superseded: string | null;
  scoredAt: string;
};

/** The appraisal list's rows, rendered from their fields (labels translated on the server). */
export function AppraisalRows({ rows }: { rows: AppraisalRow[] }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className="hover:bg-slate-50">
          <Td className="whitespace-nowrap">
            <Link href={`/appraisal/${r.id}`} className="font-medium text-brand-600 hover:underline">
              {r.employeeName}
            </Link>
            {r.correction && <span className="ml-1 text-xs text-slate-500">({r.correction})</span>}
          </Td>
          <Td>
            <Tag tone={r.kind.tone}>{r.kind.label}</Tag>
          </Td>
          <Td className="font-mono text-xs whitespace-nowrap">{r.period}</Td>
          {r.scores.map((s, i) => (
            <Td key={i} className="text-right tabular-nums">
              {s}
            </Td>
          ))}
          <Td className="text-right tabular-nums text-red-700">{r.penalty}</Td>
          <Td className="text-right tabular-nums text-emerald-700">{r.commendation}</Td>
          <Td className="text-right font-semibold tabular-nums">{r.total}</Td>
          <Td className="whitespace-nowrap">
            <span className="inline-flex items-center gap-1">
              <Tag tone={r.status.tone}>{r.status.label}</Tag>
              {r.disputed && <Tag tone="red">{r.disputed}</Tag>}
            </span>
            {r.superseded && (
              <span className="ml-1">
                <Tag tone="grey">{r.superseded}</Tag>
              </span>
            )}
          </Td>
          <Td className="whitespace-nowrap tabular-nums">{r.scoredAt}</Td>
        </tr>
      ))}
    </tbody>
  );
}
