import { describe, expect, it } from "vitest";
import { SECURITY_HEADERS, contentSecurityPolicy, newNonce } from "./security-headers";

const directive = (csp: string, name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the request's nonce, never inline or eval in production", () => {
    const csp = contentSecurityPolicy("abc123==");
    const scripts = directive(csp, "script-src")!;
    expect(scripts).toContain("'nonce-abc123=='");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(directive(contentSecurityPolicy("x", { dev: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("forbids framing, plugins and <base>, and keeps everything else on the portal's own origin", () => {
    const csp = contentSecurityPolicy("n");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "base-uri")).toBe("base-uri 'none'");
    expect(directive(csp, "default-src")).toBe("default-src 'self'");
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
    // A nonce in style-src would switch 'unsafe-inline' off, and React style attributes with it.
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });
});

describe("newNonce", () => {
  it("is 128 random bits, base64, new every time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(Array.from({ length: 50 }, newNonce)).size).toBe(50);
  });
});

describe("SECURITY_HEADERS", () => {
  it("deny framing and sniffing, limit referrers and switch off device features", () => {
    const h = Object.fromEntries(SECURITY_HEADERS.map((x) => [x.key, x.value]));
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const f of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(h["Permissions-Policy"]).toContain(`${f}=()`);
  });
});
