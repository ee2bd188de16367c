import type { ReactNode } from "react";
import { formatShanghai } from "../../domain/time";

type Step = { id: string; at: Date; kind: string; actorName: string | null; note: string | null };
type Heads = { no: string; at: string; step: string; by: string; note: string };

/** 处理过程: the numbered steps of a complaint or a repair as their printed forms list them; `children` adds rows (a repair's callbacks). */
export function StepsTable({ steps, heads, stepLabel, children }: { steps: readonly Step[]; heads: Heads; stepLabel: (kind: string) => string; children?: ReactNode }) {
  return (
    <table className="pf-table">
      <thead>
        <tr>
          <th className="num">{heads.no}</th>
          <th>{heads.at}</th>
          <th>{heads.step}</th>
          <th>{heads.by}</th>
          <th>{heads.note}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((e, n) => (
          <tr key={e.id}>
            <td className="num">{n + 1}</td>
            <td className="nowrap">{formatShanghai(e.at)}</td>
            <td className="nowrap">{stepLabel(e.kind)}</td>
            <td className="nowrap">{e.actorName}</td>
            <td>{e.note ?? ""}</td>
          </tr>
        ))}
        {children}
      </tbody>
    </table>
  );
}

export function stepHeads(k: (key: string) => string): Heads {
  return { no: k("colNo"), at: k("colAt"), step: k("colStep"), by: k("colBy"), note: k("colNote") };
}
