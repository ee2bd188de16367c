import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { Building2 } from "lucide-react";

/** A unit named on a record, slip, complaint or certificate page opens its 一户一档. */
export function UnitLink({ unitId, children }: { unitId: string; children: ReactNode }) {
  return (
    <Link href={`/units/${unitId}`} className="inline-flex items-center gap-1 text-brand-700 hover:underline" data-testid="unit-link">
      <Building2 className="h-3.5 w-3.5" aria-hidden />
      {children}
    </Link>
  );
}
