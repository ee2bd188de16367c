import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A figure that opens the list it counts (issue 9 §1: every number links to the filtered list).
 * `alert` paints it red when it is above zero (overdue, late).
 */
export function StatLink({ href, label, value, hint, alert = false, testId }: { href: string; label: ReactNode; value: ReactNode; hint?: ReactNode; alert?: boolean; testId?: string }) {
  const hot = alert && typeof value === "number" && value > 0;
  return (
    <Link href={href} data-testid={testId} className="group block rounded-md border border-slate-200 px-3 py-2 hover:border-brand-600 hover:bg-brand-50">
      <div className="text-xs text-slate-500">{label}</div>
      <div className={cn("text-2xl font-semibold tabular-nums group-hover:text-brand-700", hot ? "text-red-600" : "text-slate-900")}>{value}</div>
      {hint && <div className="text-xs text-slate-400">{hint}</div>}
    </Link>
  );
}

export function StatGrid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">{children}</div>;
}
