import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address";

const none = parseTrustedProxies(undefined);

describe("clientAddress", () => {
  it("without trusted proxies is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress("127.0.0.1", undefined, none)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "10.77.0.1", none)).toBe("127.0.0.1");
    expect(clientAddress("192.168.3.4", "10.77.0.1, 10.77.0.2", none)).toBe("192.168.3.4");
    expect(clientAddress("::ffff:192.168.3.4", "10.77.0.1", none)).toBe("192.168.3.4");
    expect(clientAddress("::1", "10.77.0.1", none)).toBe("::1");
  });

  it("from a trusted proxy is the right-most X-Forwarded-For entry that is not a trusted proxy", () => {
    const trust = parseTrustedProxies("127.0.0.1");
    expect(clientAddress("127.0.0.1", "10.77.0.1", trust)).toBe("10.77.0.1");
    // A client that sends its own header in front of the proxy cannot choose its address.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 10.77.0.1", trust)).toBe("10.77.0.1");
    // The peer is the socket, never the header: a non-trusted peer's header is ignored.
    expect(clientAddress("10.9.9.9", "127.0.0.1, 10.77.0.1", trust)).toBe("10.9.9.9");
  });

  it("walks through a chain of trusted proxies (CIDR ranges, IPv6, IPv4-mapped peers)", () => {
    const trust = parseTrustedProxies(" 10.0.0.0/8 , 127.0.0.1,::1 ");
    expect(clientAddress("127.0.0.1", "192.168.1.20, 10.1.2.3, 10.0.0.5", trust)).toBe("192.168.1.20");
    expect(clientAddress("::ffff:10.0.0.5", "192.168.1.20", trust)).toBe("192.168.1.20");
    expect(clientAddress("::1", "::ffff:192.168.1.21", trust)).toBe("192.168.1.21");
    // Every hop trusted: the left-most entry is as far as the chain goes.
    expect(clientAddress("10.0.0.5", "10.0.0.9, 10.0.0.7", trust)).toBe("10.0.0.9");
  });

  it("a trusted proxy with no header, or a garbled one, gives the proxy's own address", () => {
    const trust = parseTrustedProxies("127.0.0.1");
    expect(clientAddress("127.0.0.1", undefined, trust)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "", trust)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "not-an-ip", trust)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "<script>", trust)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", ["10.77.0.1", "10.77.0.2"], trust)).toBe("10.77.0.2");
  });

  it("without a socket address is 'unknown'", () => {
    expect(clientAddress(undefined, "10.77.0.1", none)).toBe("unknown");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses anything but IP addresses and CIDR ranges, naming the entry", () => {
    for (const bad of ["loopback", "10.0.0.0/33", "::1/129", "10.0.0.1/8/8", "example.org", "10.0.0.0/255.0.0.0", "10.0.0.256"])
      expect(() => parseTrustedProxies(`127.0.0.1, ${bad}`), bad).toThrow(`"${bad}"`);
  });

  it("takes nothing as trusting no one", () => {
    for (const v of [undefined, "", " , "]) expect(parseTrustedProxies(v)("127.0.0.1", 0)).toBe(false);
  });
});
