// The escalation ladder (issue 10 §5): levels that fire at fixed delays after an anchor (a loan's
// due day, a major complaint's escalation), each once. Pure: the job reads the entities and the
// steps already taken and asks which steps are due now; the unique (entity, anchor, level) row
// it then writes is what makes a step happen once, even with two server instances.

export const LADDER_TARGETS = ["subject", "desk", "supervisor", "manager"] as const;
/** subject: the borrower / the complaint's handler; desk: the archivists; supervisor: the
 *  subject's department's 主管 and 经理 (all supervisors when the department has none); manager: 部门经理. */
export type LadderTarget = (typeof LADDER_TARGETS)[number];
export type LadderLevel = { level: number; afterHours: number; to: LadderTarget[] };
export type Ladder = readonly LadderLevel[];

const HOUR = 3_600_000;

/** Levels must count 1, 2, 3 … with delays that never go back, so "level n" always means the same step. */
export function checkLadder(levels: Ladder): string | null {
  for (let i = 0; i < levels.length; i++) {
    const l = levels[i]!;
    if (l.level !== i + 1) return "LADDER_LEVELS_ORDER";
    if (!Number.isInteger(l.afterHours) || l.afterHours < 0) return "LADDER_DELAY";
    if (i > 0 && l.afterHours < levels[i - 1]!.afterHours) return "LADDER_DELAY";
    if (l.to.length === 0) return "LADDER_NO_TARGET";
  }
  return null;
}

/** When a level fires: anchor + its delay. */
export function levelAt(anchor: Date, level: LadderLevel): Date {
  return new Date(anchor.getTime() + level.afterHours * HOUR);
}

/**
 * The steps due at `now` and not yet taken, lowest first. A level fires once its time has come;
 * when several came at once (the job was down, or the loan was entered late) they all fire, in
 * order, so the history reads the same as if the job had run on time.
 */
export function dueSteps(anchor: Date, levels: Ladder, now: Date, taken: ReadonlySet<number>): LadderLevel[] {
  return levels.filter((l) => !taken.has(l.level) && levelAt(anchor, l).getTime() <= now.getTime());
}

/** The next level still to come (for "下一步" on the page), or null. */
export function nextStep(anchor: Date, levels: Ladder, taken: ReadonlySet<number>): { level: LadderLevel; at: Date } | null {
  const l = levels.find((x) => !taken.has(x.level));
  return l ? { level: l, at: levelAt(anchor, l) } : null;
}

// Defaults until the admin saves a ladder.
/** Loans: anchor = the due day 09:00; remind on the due day, again after 3 days, then the supervisor after 7. */
export const DEFAULT_LOAN_LADDER: Ladder = [
  { level: 1, afterHours: 0, to: ["subject"] },
  { level: 2, afterHours: 72, to: ["subject", "desk"] },
  { level: 3, afterHours: 168, to: ["supervisor"] },
];
/** Major complaints still open: anchor = when it was made 重大; level 1 is the immediate notice to the managers. */
export const DEFAULT_COMPLAINT_LADDER: Ladder = [
  { level: 1, afterHours: 0, to: ["manager"] },
  { level: 2, afterHours: 24, to: ["subject", "supervisor"] },
  { level: 3, afterHours: 72, to: ["manager"] },
];

export const LADDER_KEYS = ["loanOverdue", "complaintMajor"] as const;
export type LadderKey = (typeof LADDER_KEYS)[number];
export const DEFAULT_LADDERS: Record<LadderKey, Ladder> = { loanOverdue: DEFAULT_LOAN_LADDER, complaintMajor: DEFAULT_COMPLAINT_LADDER };
