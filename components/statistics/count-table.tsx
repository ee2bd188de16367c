import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui/table";

/** The table beside a chart: a header row and rows of cells, numbers right-aligned. */
export function StatsTable({ caption, header, rows, testId }: { caption: string; header: ReactNode[]; rows: ReactNode[][]; testId?: string }) {
  return (
    <div data-testid={testId} className="overflow-x-auto">
      <Table caption={caption}>
        <thead>
          <tr>
            {header.map((h, i) => (
              <Th key={i} className={i > 0 ? "text-right" : undefined}>
                {h}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <Td key={j} className={j > 0 ? "text-right tabular-nums" : "whitespace-nowrap"}>
                  {c}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
