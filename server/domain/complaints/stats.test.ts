import { describe, expect, it } from "vitest";
import { aggregateStats, rate, shanghaiMonth, type StatsComplaint } from "./stats";

const sh = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const base: StatsComplaint = {
  receivedAt: sh("2026-03-01 10:00"),
  category: "工程质量",
  channel: "phone",
  severity: "normal",
  receivedBy: "王丽娜",
  status: "closed",
  promisedReplyAt: sh("2026-03-03 10:00"),
  repliedAt: sh("2026-03-02 10:00"),
  progressLapses: 0,
  progressDueAt: null,
  everResolved: true,
  callbacks: [{ calledAt: sh("2026-03-04 10:00"), dueAt: sh("2026-03-05 10:00"), satisfaction: "satisfied" }],
};

describe("rates", () => {
  it("are exact to a tenth of a percent and null with nothing to count", () => {
    expect(rate(2, 3).percent).toBe("66.7");
    expect(rate(1, 3).percent).toBe("33.3");
    expect(rate(3, 3).percent).toBe("100.0");
    expect(rate(0, 0).percent).toBeNull();
  });

  it("cuts months in Shanghai: 23:30 on 31 March Shanghai is still March though UTC says the 31st 15:30", () => {
    expect(shanghaiMonth(sh("2026-03-31 23:30"))).toBe("2026-03");
    expect(shanghaiMonth(sh("2026-04-01 00:10"))).toBe("2026-04"); // 2026-03-31 16:10 UTC
  });
});

describe("aggregateStats", () => {
  const now = sh("2026-03-20 12:00");
  const rows: StatsComplaint[] = [
    base,
    // replied late, one progress lapse, called back late and dissatisfied, then again satisfied
    {
      ...base,
      receivedAt: sh("2026-03-31 23:30"),
      channel: "visit",
      receivedBy: "黄伟",
      repliedAt: sh("2026-04-03 10:00"),
      promisedReplyAt: sh("2026-04-02 23:30"),
      progressLapses: 1,
      callbacks: [
        { calledAt: sh("2026-04-10 10:00"), dueAt: sh("2026-04-06 10:00"), satisfaction: "dissatisfied" },
        { calledAt: sh("2026-04-11 10:00"), dueAt: sh("2026-04-14 10:00"), satisfaction: "very_satisfied" },
      ],
    },
    // open, promise not yet due: the reply clock has not ended and is not counted; resolved never
    { ...base, receivedAt: sh("2026-04-01 00:10"), severity: "major", status: "in_progress", repliedAt: null, promisedReplyAt: sh("2026-04-03 00:10"), everResolved: false, callbacks: [], progressDueAt: sh("2026-04-01 04:10") },
    // resolved, callback owed and not made
    { ...base, category: "物业服务", callbacks: [], status: "resolved" },
  ];

  it("adds up counts, rates and satisfaction", () => {
    const s = aggregateStats(rows, [{ everDone: true, calledBack: true }, { everDone: true, calledBack: false }, { everDone: false, calledBack: false }], now);
    expect(s.total).toBe(4);
    expect(s.onTimeReply).toMatchObject({ num: 2, den: 3, percent: "66.7" });
    // The open one's progress clock ran out at 04:10 on 1 April; "now" is 20 March, so it is not late.
    expect(s.onTimeProgress).toMatchObject({ num: 3, den: 4 });
    expect(s.callbackRate).toMatchObject({ num: 2, den: 3 });
    expect(s.onTimeCallback).toMatchObject({ num: 2, den: 3 });
    expect(s.repairCallbackRate).toMatchObject({ num: 1, den: 2, percent: "50.0" });
    expect(s.byCategory).toEqual([{ name: "工程质量", count: 3 }, { name: "物业服务", count: 1 }]);
    expect(s.byChannel).toEqual([{ name: "phone", count: 3 }, { name: "visit", count: 1 }]);
    expect(s.bySeverity).toEqual([{ name: "normal", count: 3 }, { name: "major", count: 1 }]);
    expect(s.byPerson).toEqual([{ name: "王丽娜", count: 3 }, { name: "黄伟", count: 1 }]);
    expect(s.byMonth).toEqual([{ name: "2026-03", count: 3 }, { name: "2026-04", count: 1 }]);
    expect(s.satisfaction).toEqual([
      { name: "very_satisfied", count: 1 },
      { name: "satisfied", count: 1 },
      { name: "neutral", count: 0 },
      { name: "dissatisfied", count: 1 },
    ]);
  });

  it("counts an open complaint whose progress clock is running out now as not on time", () => {
    const late = aggregateStats(rows, [], sh("2026-04-01 04:11"));
    expect(late.onTimeProgress).toMatchObject({ num: 2, den: 4 });
  });
});
