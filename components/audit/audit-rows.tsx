"use client";

import { Td } from "@/components/ui/table";
import { ChangeList, type Change } from "./change-view";

export type AuditRow = { id: string; at: string; actorName: string; action: string; actionLabel: string; entity: string; entityId: string | null; changes: Change[]; ip: string | null; hash: string };

/**
 * The log's rows, rendered from their fields: a server-rendered row went out twice (HTML and its
 * element tree in the page data); this sends each row's few strings once.
 */
export function AuditRows({ rows }: { rows: AuditRow[] }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((r) => (
        <tr key={r.id} className="align-top hover:bg-slate-50">
          <Td className="tabular-nums text-slate-400">{r.id}</Td>
          <Td className="whitespace-nowrap tabular-nums">{r.at}</Td>
          <Td className="whitespace-nowrap">{r.actorName}</Td>
          <Td className="whitespace-nowrap">
            {r.actionLabel}
            <span className="block font-mono text-[11px] text-slate-400">{r.action}</span>
          </Td>
          <Td className="whitespace-nowrap">
            <span>{r.entity}</span>
            {r.entityId && (
              <span className="block max-w-[10rem] truncate font-mono text-[11px] text-slate-400" title={r.entityId}>
                {r.entityId}
              </span>
            )}
          </Td>
          <Td className="min-w-[16rem]">
            <ChangeList changes={r.changes} />
          </Td>
          <Td className="whitespace-nowrap font-mono text-xs">{r.ip ?? "—"}</Td>
          <Td className="font-mono text-[11px] text-slate-400" title={r.hash}>
            {r.hash.slice(0, 10)}…
          </Td>
        </tr>
      ))}
    </tbody>
  );
}
