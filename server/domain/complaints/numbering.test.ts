import { describe, expect, it } from "vitest";
import { formatServiceNo } from "./numbering";

describe("service numbers", () => {
  it("pads to four digits and keeps growing past 9999", () => {
    expect(formatServiceNo("TS", 2026, 1)).toBe("TS-2026-0001");
    expect(formatServiceNo("WX", 2027, 123)).toBe("WX-2027-0123");
    expect(formatServiceNo("TS", 2026, 12345)).toBe("TS-2026-12345");
  });
});
