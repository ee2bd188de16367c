import { describe, expect, it } from "vitest";
import { orderTimeline, timelineByDay, type TimelineEntry } from "./timeline";

const e = (iso: string, kind: TimelineEntry["kind"], ref = "x"): TimelineEntry => ({ at: new Date(iso), kind, ref, title: ref, href: null });

describe("unit timeline", () => {
  it("orders newest first and, within one instant, the later step first", () => {
    const out = orderTimeline([e("2026-03-01T02:00:00Z", "recordFormed", "KH-1"), e("2026-03-05T02:00:00Z", "loanLent", "JY-1"), e("2026-03-05T02:00:00Z", "loanRequested", "JY-1")]);
    expect(out.map((x) => x.kind)).toEqual(["loanLent", "loanRequested", "recordFormed"]);
  });

  it("cuts days in Asia/Shanghai, not UTC", () => {
    // 2026-03-01 17:30 UTC is 2026-03-02 01:30 in Beijing.
    const days = timelineByDay([e("2026-03-01T17:30:00Z", "complaintReceived", "TS-2"), e("2026-03-01T15:00:00Z", "callback", "TS-1"), e("2026-03-01T01:00:00Z", "recordFormed", "KH-1")]);
    expect(days.map((d) => [d.day, d.entries.map((x) => x.ref)])).toEqual([
      ["2026-03-02", ["TS-2"]],
      ["2026-03-01", ["TS-1", "KH-1"]],
    ]);
  });

  it("is empty for no entries", () => {
    expect(timelineByDay([])).toEqual([]);
  });
});
