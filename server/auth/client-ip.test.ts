import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  it("takes the last x-forwarded-for entry, so a forged first entry cannot dodge the per-address throttle", () => {
    expect(clientIp(h({ "x-forwarded-for": "1.2.3.4, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientIp(h({ "x-forwarded-for": "10.0.0.7" }))).toBe("10.0.0.7");
  });

  it("strips the IPv4-mapped IPv6 prefix", () => {
    expect(clientIp(h({ "x-forwarded-for": "::ffff:192.168.1.20" }))).toBe("192.168.1.20");
  });

  it("ignores empty entries; without the header the address is 'unknown' (x-real-ip is anyone's to write)", () => {
    expect(clientIp(h({ "x-forwarded-for": "10.0.0.7, " }))).toBe("10.0.0.7");
    expect(clientIp(h({ "x-real-ip": "10.0.0.9" }))).toBe("unknown");
    expect(clientIp(h({}))).toBe("unknown");
  });
});
