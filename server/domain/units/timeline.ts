import { shanghaiDay } from "../time";

// The unit page's 时间线: everything that happened to the unit, newest first, cut into days in
// Asia/Shanghai (a complaint received at 01:00 Beijing time belongs to that Beijing day).

export type TimelineKind =
  | "ownerSince"
  | "recordFormed"
  | "loanRequested"
  | "loanLent"
  | "loanReturned"
  | "complaintReceived"
  | "complaintResolved"
  | "complaintClosed"
  | "callback"
  | "repairRegistered"
  | "repairDone"
  | "certificateHanded"
  | "certificateVoided";

export type TimelineEntry = { at: Date; kind: TimelineKind; ref: string; title: string; href: string | null };
export type TimelineDay = { day: string; entries: TimelineEntry[] };

// Within one instant, the order things happen in: a file is formed before it is lent, a
// complaint received before it is resolved.
const KIND_ORDER: readonly TimelineKind[] = [
  "ownerSince",
  "recordFormed",
  "loanRequested",
  "loanLent",
  "loanReturned",
  "complaintReceived",
  "repairRegistered",
  "repairDone",
  "complaintResolved",
  "callback",
  "complaintClosed",
  "certificateHanded",
  "certificateVoided",
];

/** Newest first; ties by the kinds' natural order reversed, then by reference, so the order is stable. */
export function orderTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort(
    (a, b) => b.at.getTime() - a.at.getTime() || KIND_ORDER.indexOf(b.kind) - KIND_ORDER.indexOf(a.kind) || a.ref.localeCompare(b.ref),
  );
}

/** Ordered entries grouped by their Shanghai calendar day. */
export function timelineByDay(entries: readonly TimelineEntry[]): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const e of orderTimeline(entries)) {
    const day = shanghaiDay(e.at);
    const last = days[days.length - 1];
    if (last && last.day === day) last.entries.push(e);
    else days.push({ day, entries: [e] });
  }
  return days;
}
