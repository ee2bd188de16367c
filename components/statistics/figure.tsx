import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One headline figure of a statistics page. */
export function Figure({ label, value, hint, testId, alert = false }: { label: ReactNode; value: ReactNode; hint?: ReactNode; testId?: string; alert?: boolean }) {
  return (
    <Card>
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`text-2xl font-semibold tabular-nums ${alert ? "text-red-600" : ""}`} data-testid={testId}>
        {value}
      </div>
      {hint && <div className="text-xs text-slate-400">{hint}</div>}
    </Card>
  );
}
