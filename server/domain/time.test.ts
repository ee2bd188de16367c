import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZONE, endOfShanghaiDay, formatShanghai, shanghaiDay, startOfShanghaiDay } from "./time";

// Run under a machine zone far from Shanghai, so nothing passes by accident of the host's TZ.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/Los_Angeles";
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe("Shanghai day boundaries", () => {
  it("uses Asia/Shanghai", () => {
    expect(ZONE).toBe("Asia/Shanghai");
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(480); // the host zone really is LA here
  });

  it("starts 2026-11-01 at 2026-10-31T16:00Z", () => {
    expect(startOfShanghaiDay("2026-11-01").toISOString()).toBe("2026-10-31T16:00:00.000Z");
  });

  it("ends 2026-11-01 (exclusive) at 2026-11-01T16:00Z", () => {
    expect(endOfShanghaiDay("2026-11-01").toISOString()).toBe("2026-11-01T16:00:00.000Z");
  });

  it("crosses month, year and leap-day boundaries", () => {
    expect(startOfShanghaiDay("2027-01-01").toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(endOfShanghaiDay("2026-12-31").toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(endOfShanghaiDay("2028-02-28").toISOString()).toBe("2028-02-28T16:00:00.000Z");
    expect(endOfShanghaiDay("2028-02-29").toISOString()).toBe("2028-02-29T16:00:00.000Z");
  });

  it("every day is exactly 24 hours (Shanghai has no daylight saving)", () => {
    for (const day of ["2026-03-08", "2026-03-29", "2026-11-01", "2026-10-25"]) {
      expect(endOfShanghaiDay(day).getTime() - startOfShanghaiDay(day).getTime()).toBe(24 * 3600_000);
    }
  });
});

describe("formatShanghai", () => {
  it("shows instants as yyyy-MM-dd HH:mm in Shanghai time", () => {
    expect(formatShanghai(new Date("2026-03-02T02:00:00Z"))).toBe("2026-03-02 10:00");
    expect(formatShanghai("2026-10-31T16:00:00.000Z")).toBe("2026-11-01 00:00");
  });

  it("accepts another pattern", () => {
    expect(formatShanghai(new Date("2026-03-02T02:05:09Z"), "yyyy年M月d日 HH:mm:ss")).toBe("2026年3月2日 10:05:09");
  });

  it("shows nothing for a missing instant", () => {
    expect(formatShanghai(null)).toBe("");
    expect(formatShanghai(undefined)).toBe("");
  });
});

describe("shanghaiDay", () => {
  it("puts 23:59:59.999 Shanghai on the same day and midnight on the next", () => {
    expect(shanghaiDay(new Date("2026-10-31T15:59:59.999Z"))).toBe("2026-10-31");
    expect(shanghaiDay(new Date("2026-10-31T16:00:00.000Z"))).toBe("2026-11-01");
  });

  it("round-trips with startOfShanghaiDay", () => {
    expect(shanghaiDay(startOfShanghaiDay("2026-02-28"))).toBe("2026-02-28");
  });
});
