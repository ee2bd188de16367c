import { describe, expect, it } from "vitest";
import { dateOfDay, dayOf, isPastRetention, retentionExpiry } from "./retention";

describe("retentionExpiry", () => {
  it("永久 has no expiry", () => {
    expect(retentionExpiry("2026-03-15", null)).toBeNull();
  });
  it("adds whole years to the day the file was formed", () => {
    expect(retentionExpiry("2026-03-15", 10)).toBe("2036-03-15");
    expect(retentionExpiry("2013-12-31", 30)).toBe("2043-12-31");
    expect(retentionExpiry("2014-01-01", 7)).toBe("2021-01-01");
  });
  it("29 February falls back to 28 February in a common year, stays in a leap year", () => {
    expect(retentionExpiry("2024-02-29", 10)).toBe("2034-02-28");
    expect(retentionExpiry("2024-02-29", 4)).toBe("2028-02-29");
    expect(retentionExpiry("2012-02-29", 1)).toBe("2013-02-28");
  });
});

describe("isPastRetention", () => {
  it("is due on the expiry day itself, never when permanent", () => {
    expect(isPastRetention("2026-11-23", "2026-11-23")).toBe(true);
    expect(isPastRetention("2026-11-24", "2026-11-23")).toBe(false);
    expect(isPastRetention(null, "2999-01-01")).toBe(false);
  });
});

describe("DATE columns", () => {
  it("round-trip a day without a time-zone shift", () => {
    expect(dayOf(dateOfDay("2026-02-28"))).toBe("2026-02-28");
  });
});
