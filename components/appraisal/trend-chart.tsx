// A small SVG line chart of the monthly means (no chart library needed for 12 points × 2 lines).
// Missing months are gaps, never zeros.
type Series = { label: string; color: string; values: (string | null)[] };

export function TrendChart({ series, monthLabel, title }: { series: Series[]; monthLabel: (m: number) => string; title: string }) {
  const W = 640;
  const H = 220;
  const pad = { l: 36, r: 12, t: 12, b: 28 };
  const all = series.flatMap((s) => s.values.filter((v): v is string => v !== null).map(Number));
  const lo = Math.floor(Math.min(80, ...all) / 5) * 5;
  const hi = Math.ceil(Math.max(100, ...all) / 5) * 5;
  const x = (i: number) => pad.l + (i * (W - pad.l - pad.r)) / 11;
  const y = (v: number) => pad.t + ((hi - v) * (H - pad.t - pad.b)) / (hi - lo || 1);
  const ticks = Array.from({ length: 5 }, (_, i) => lo + ((hi - lo) * i) / 4);
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} className="h-auto w-full max-w-2xl">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.l} x2={W - pad.r} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={pad.l - 4} y={y(v) + 4} textAnchor="end" fontSize="10" fill="#64748b">
              {v}
            </text>
          </g>
        ))}
        {Array.from({ length: 12 }, (_, i) => (
          <text key={i} x={x(i)} y={H - 8} textAnchor="middle" fontSize="10" fill="#64748b">
            {monthLabel(i + 1)}
          </text>
        ))}
        {series.map((s) => {
          // Break the line at missing months.
          const segments: string[] = [];
          let cur = "";
          s.values.forEach((v, i) => {
            if (v === null) {
              if (cur) segments.push(cur);
              cur = "";
            } else cur += `${cur ? "L" : "M"}${x(i)},${y(Number(v))}`;
          });
          if (cur) segments.push(cur);
          return (
            <g key={s.label}>
              {segments.map((d, i) => (
                <path key={i} d={d} fill="none" stroke={s.color} strokeWidth="2" />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle key={i} cx={x(i)} cy={y(Number(v))} r="3" fill={s.color}>
                    <title>{`${s.label} ${monthLabel(i + 1)}: ${v}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-600">
        {series.map((s) => (
          <span key={s.label} className="inline-flex items-center gap-1">
            <span className="inline-block h-2 w-4 rounded" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
