import type { ReactNode } from "react";
import { cn } from "./cn";

// Status colours users know from the paper registers: green in store / active, blue lent,
// red overdue or refused, amber waiting, grey gone.
const TONES = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  blue: "bg-blue-50 text-blue-700 ring-blue-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  grey: "bg-slate-100 text-slate-600 ring-slate-500/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
} as const;

export type Tone = keyof typeof TONES;

export function Tag({ tone = "grey", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={cn("inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap", TONES[tone])}>{children}</span>;
}
