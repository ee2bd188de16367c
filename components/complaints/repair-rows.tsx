"use client";

import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import type { TagView } from "./complaint-rows";

export type RepairRow = {
  id: string;
  orderNo: string;
  location: string;
  warranty: string;
  dept: string;
  paid: string;
  cost: string | null;
  status: TagView;
  awaiting: string;
  createdAt: string;
};

/** The repair orders' rows, rendered from their fields (labels translated on the server): see ComplaintRows. */
export function RepairRows({ rows }: { rows: RepairRow[] }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className="hover:bg-slate-50" data-order={r.orderNo}>
          <Td className="whitespace-nowrap font-mono text-xs">
            <Link href={`/complaints/repairs/${r.id}`} className="text-brand-600 hover:underline">
              {r.orderNo}
            </Link>
          </Td>
          <Td className="max-w-64 truncate" title={r.location}>
            {r.location}
          </Td>
          <Td className="whitespace-nowrap">{r.warranty}</Td>
          <Td className="whitespace-nowrap">{r.dept}</Td>
          <Td>{r.paid}</Td>
          <Td className="text-right tabular-nums">{r.cost ?? "—"}</Td>
          <Td>
            <Tag tone={r.status.tone}>{r.status.label}</Tag>
          </Td>
          <Td className="whitespace-nowrap">{r.awaiting}</Td>
          <Td className="whitespace-nowrap tabular-nums">{r.createdAt}</Td>
        </tr>
      ))}
    </tbody>
  );
}
