"use client";

import Link from "@/components/ui/link";

export type GridFloor = { floor: number; label: string; units: { id: string; number: string; owners: string }[] };

/**
 * A building's units by floor, rendered from their fields (a building has 100+ units: as server
 * elements each went out twice, in the HTML and again in the page data).
 */
export function UnitGrid({ floors }: { floors: GridFloor[] }) {
  return (
    <div className="space-y-1" data-testid="unit-grid">
      {floors.map((f) => (
        <div key={f.floor} className="flex items-start gap-2">
          <span className="w-10 shrink-0 pt-1.5 text-right text-xs tabular-nums text-slate-400">{f.label}</span>
          <div className="flex flex-wrap gap-1">
            {f.units.map((u) => (
              <Link key={u.id} href={`/units/${u.id}`} className="w-28 rounded border border-slate-200 px-2 py-1 text-sm hover:border-brand-300 hover:bg-brand-50">
                <div className="font-mono">{u.number}</div>
                <div className="truncate text-xs text-slate-500">{u.owners}</div>
              </Link>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
