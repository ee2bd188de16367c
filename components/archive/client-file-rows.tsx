"use client";

import Link from "@/components/ui/link";
import { Td } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { UnitLink } from "@/components/units/unit-link";
import { CompletenessBar } from "./completeness-bar";
import { RECORD_STATUS_TONE } from "./record-tones";

export type ClientFileRow = {
  id: string;
  archiveNo: string;
  title: string;
  project: string | null;
  building: string | null;
  unitId: string | null;
  unitNumber: string | null;
  client: string | null;
  percent: number;
  missing: string[];
  location: string | null;
  status: "in_store" | "lent" | "transferred" | "destroyed";
};


/**
 * 客户档案's rows, rendered from their fields: a server-rendered row is sent twice (as HTML and as
 * its element tree in the page data); here the page data is only the fields. The status labels
 * come as a prop so the page need not ship the whole archive catalogue to the browser.
 */
export function ClientFileRows({ rows, statusLabels }: { rows: ClientFileRow[]; statusLabels: Record<ClientFileRow["status"], string> }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => {
        const missing = r.missing.join("、");
        return (
          <tr key={r.id} className="hover:bg-slate-50">
            <Td className="whitespace-nowrap">{r.project ?? "—"}</Td>
            <Td className="whitespace-nowrap">{r.building ?? "—"}</Td>
            <Td className="font-mono text-xs">{r.unitId ? <UnitLink unitId={r.unitId}>{r.unitNumber}</UnitLink> : "—"}</Td>
            <Td className="max-w-[10rem] truncate whitespace-nowrap" title={r.client ?? undefined}>
              {r.client ?? "—"}
            </Td>
            <Td className="whitespace-nowrap font-mono text-xs">
              <Link href={`/archive/${r.id}`} className="text-brand-600 hover:underline">
                {r.archiveNo}
              </Link>
            </Td>
            <Td className="max-w-xs truncate" title={r.title}>
              {r.title}
            </Td>
            <Td>
              <CompletenessBar percent={r.percent} />
            </Td>
            <Td className="max-w-xs truncate text-xs text-red-700" title={missing || undefined}>
              {missing || "—"}
            </Td>
            <Td className="whitespace-nowrap text-xs">{r.location ?? "—"}</Td>
            <Td>
              <Tag tone={RECORD_STATUS_TONE[r.status]}>{statusLabels[r.status]}</Tag>
            </Td>
          </tr>
        );
      })}
    </tbody>
  );
}
