"use client";

export type PrintCandidate = { id: string; number: string; label: string; state: string; at: string };

/**
 * The rows of one form's batch picker on 表单打印, from their fields (the page shows a table per
 * form: server-rendered, each row was sent twice, as HTML and again in the page data).
 */
export function PrintCandidateRows({ rows }: { rows: PrintCandidate[] }) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((c) => (
        <tr key={c.id} className="hover:bg-slate-50">
          <td>
            <input type="checkbox" name="ids" value={c.id} aria-label={c.number} className="h-4 w-4" />
          </td>
          <td className="cell-recno whitespace-nowrap">{c.number}</td>
          <td className="max-w-96 truncate" title={c.label}>
            {c.label}
          </td>
          <td className="whitespace-nowrap">{c.state}</td>
          <td className="cell-time">{c.at}</td>
        </tr>
      ))}
    </tbody>
  );
}
