"use client";

import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag, type Tone } from "@/components/ui/tag";
import type { ClockView } from "./tags";

export type TagView = { label: string; tone: Tone };
export type ComplaintRow = {
  id: string;
  complaintNo: string;
  complainantName: string;
  unit: string | null;
  category: string;
  channel: string;
  severity: TagView;
  status: TagView;
  handler: string;
  receivedAt: string;
  clocks: ClockView[];
};

/**
 * The complaint list's rows, rendered from their fields: a server-rendered row went out twice
 * (HTML and its element tree in the page data), a client row's page data is its fields only.
 * Labels come translated from the server, so no message namespace is sent for them.
 */
export function ComplaintRows({ rows }: { rows: ComplaintRow[] }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className="hover:bg-slate-50" data-complaint={r.complaintNo}>
          <Td className="whitespace-nowrap font-mono text-xs">
            <Link href={`/complaints/${r.id}`} className="text-brand-600 hover:underline">
              {r.complaintNo}
            </Link>
          </Td>
          <Td className="max-w-56">
            <div className="truncate">{r.complainantName}</div>
            {r.unit && <div className="truncate text-xs text-slate-500">{r.unit}</div>}
          </Td>
          <Td className="whitespace-nowrap">{r.category}</Td>
          <Td className="whitespace-nowrap">{r.channel}</Td>
          <Td>
            <Tag tone={r.severity.tone}>{r.severity.label}</Tag>
          </Td>
          <Td>
            <Tag tone={r.status.tone}>{r.status.label}</Tag>
          </Td>
          <Td className="whitespace-nowrap">{r.handler}</Td>
          <Td className="whitespace-nowrap tabular-nums">{r.receivedAt}</Td>
          <Td>
            <span className="flex flex-wrap gap-1">
              {r.clocks.map((c) => (
                <span key={c.name} title={c.due} data-clock={c.name} data-state={c.state}>
                  <Tag tone={c.tone}>{c.label}</Tag>
                </span>
              ))}
            </span>
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
