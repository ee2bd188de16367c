import type { ReactNode } from "react";

// Status colours users know from the paper registers: green in store / active, blue lent,
// red overdue or refused, amber waiting, grey gone.
// Component classes in app/globals.css (.tag, .tag-<tone>): tags repeat on every row of a list.
const TONES = { green: "tag-green", blue: "tag-blue", red: "tag-red", amber: "tag-amber", grey: "tag-grey", violet: "tag-violet" } as const;

export type Tone = keyof typeof TONES;

export function Tag({ tone = "grey", children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`tag ${TONES[tone]}`}>{children}</span>;
}
