import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

export function Table({ children, caption, dense = false }: { children: ReactNode; caption?: string; dense?: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className={cn("tbl min-w-full divide-y divide-slate-200 text-sm", dense && "tbl-dense")}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  // Background, padding and type come from `.tbl th` (app/globals.css), as the cells' from `.tbl td`.
  return <th scope="col" className={className} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  // Padding, alignment and colour come from `.tbl td` (app/globals.css): one cell of fifty rows.
  return <td className={className} {...props} />;
}
