import type { ReactNode } from "react";

// Status colours users know from the paper registers: green in store / active, blue lent,
// red overdue or refused, amber waiting, grey gone.
// Component classes in app/globals.css (.tag, .tag-<tone>): tags repeat on every row of a list.
const TONES = { green: "tag-green", blue: "tag-blue", red: "tag-red", amber: "tag-amber", grey: "tag-grey", violet: "tag-violet" } as const;

export type Tone = keyof typeof TONES;

export function Tag({ tone = "grey", children, testId, below = false }: { tone?: Tone; children: ReactNode; testId?: string; below?: boolean }) {
  // `below`: on a line of its own under the cell's first line (`.tag-below`), without a wrapper.
  return (
    <span className={`tag ${TONES[tone]}${below ? " tag-below" : ""}`} data-testid={testId}>
      {children}
    </span>
  );
}
