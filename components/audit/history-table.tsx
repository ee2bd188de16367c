import { formatShanghai } from "@/server/domain/time";
import { EmptyState } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { getActionLabel } from "./action-label";
import { ChangeView } from "./change-view";
import type { JsonValue } from "@/server/db/generated/internal/prismaNamespace";

export type HistoryEntry = { id: string | bigint; at: Date; actorName: string; action: string; before: JsonValue; after: JsonValue };

/**
 * A thing's history read from the audit log (who, when, what, before → after), under a heading.
 * Each page names the columns in its own words (档案: 操作人; 借出单: 经办人 …).
 */
export async function HistoryTable({
  entries,
  labels,
}: {
  entries: readonly HistoryEntry[];
  labels: { title: string; empty: string; at: string; actor: string; action: string; change: string };
}) {
  const label = await getActionLabel();
  return (
    <>
      <h2 className="mb-2 mt-6 text-sm font-semibold text-slate-800">{labels.title}</h2>
      {entries.length === 0 ? (
        <EmptyState>{labels.empty}</EmptyState>
      ) : (
        <Table caption={labels.title}>
          <thead>
            <tr>
              <Th>{labels.at}</Th>
              <Th>{labels.actor}</Th>
              <Th>{labels.action}</Th>
              <Th>{labels.change}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {entries.map((h) => (
              <tr key={String(h.id)}>
                <Td className="whitespace-nowrap tabular-nums">{formatShanghai(h.at)}</Td>
                <Td>{h.actorName}</Td>
                <Td className="whitespace-nowrap">{label(h.action)}</Td>
                <Td>
                  <ChangeView before={h.before} after={h.after} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
