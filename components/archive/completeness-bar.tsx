/** A thin bar with the percentage; red below 60, amber below 100, green when complete. */
export function CompletenessBar({ percent }: { percent: number }) {
  const colour = percent >= 100 ? "bg-emerald-500" : percent >= 60 ? "bg-amber-500" : "bg-red-500";
  return (
    <span className="inline-flex items-center gap-2" data-testid="completeness-percent">
      <span className="h-1.5 w-20 overflow-hidden rounded bg-slate-200" aria-hidden>
        <span className={`block h-full ${colour}`} style={{ width: `${percent}%` }} />
      </span>
      <span className="tabular-nums text-xs text-slate-700">{percent}%</span>
    </span>
  );
}
