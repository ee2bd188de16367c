import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "../../server/auth/client-ip";
import { signIn } from "../../server/domain/accounts/authenticate";
import { parseTrustedProxies } from "../../server/http/client-address";
import { withClientAddress } from "../../server/http/forwarded-headers";
import { createTestUser, useTestDatabase } from "./helpers";

// Issue 16 #1: a forged X-Forwarded-For neither dodges the per-address sign-in throttle nor
// lands in the audit log. The portal's own request listener (withClientAddress, what
// scripts/serve.ts puts in front of Next.js) over a real socket on 127.0.0.1, and behind it what
// next-auth's authorize does: signIn with clientIp(request headers). e2e/auth/client-address.spec.ts
// checks the same through the real server and the sign-in form.
const t = useTestDatabase();
const servers: http.Server[] = [];

async function serve(port: number, trustedProxies: string | undefined): Promise<string> {
  const server = http.createServer(
    withClientAddress(parseTrustedProxies(trustedProxies), (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const { loginName, password } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { loginName: string; password: string };
        const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
        signIn(t.db, { loginName, password, ip: clientIp(headers), userAgent: headers.get("user-agent") }).then(
          (r) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(r)),
          (e: unknown) => res.writeHead(500).end(String(e)),
        );
      });
    }),
  );
  servers.push(server);
  await new Promise<void>((ok, fail) => server.once("error", fail).listen(port, "127.0.0.1", ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let direct: string;
let behindProxy: string;
beforeAll(async () => {
  direct = await serve(3211, undefined);
  behindProxy = await serve(3212, "127.0.0.1");
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
});

async function attempt(base: string, body: { loginName: string; password: string }, forwardedFor?: string) {
  const res = await fetch(base, { method: "POST", body: JSON.stringify(body), headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; reason?: string; sessionId?: string };
}

describe("the client address (no TRUSTED_PROXIES)", () => {
  it("the audit entry of a sign-in with a forged X-Forwarded-For records the socket's 127.0.0.1", async () => {
    const u = await createTestUser(t.db);
    const r = await attempt(direct, { loginName: u.loginName, password: u.password }, "10.77.0.1");
    expect(r.ok).toBe(true);
    const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "auth.signIn", entityId: r.sessionId! } });
    expect(entry.ip).toBe("127.0.0.1");
    expect((await t.db.userSession.findUniqueOrThrow({ where: { id: r.sessionId! } })).ip).toBe("127.0.0.1");
  });

  it("20 failures from one socket throttle it, though each carried a new X-Forwarded-For", async () => {
    const victim = await createTestUser(t.db);
    // Four guesses per login name: no account reaches its own lock (5), only the address can.
    for (let i = 0; i < 20; i++) {
      const r = await attempt(direct, { loginName: `guess-${i % 5}`, password: "123456" }, `10.77.${i}.1`);
      expect(r, `failure ${i + 1}`).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await attempt(direct, { loginName: victim.loginName, password: victim.password }, "10.77.99.1")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(direct, { loginName: victim.loginName, password: victim.password })).toMatchObject({ ok: false, reason: "throttled" });
    expect(await t.db.userSession.count({ where: { userId: victim.id } })).toBe(0);
    expect(await t.db.loginAttempt.count({ where: { ip: { startsWith: "10.77." } } })).toBe(0);
  });
});

describe("the client address behind TRUSTED_PROXIES=127.0.0.1", () => {
  it("is the right-most X-Forwarded-For entry the proxy added, so each client is throttled on its own", async () => {
    const u = await createTestUser(t.db);
    const r = await attempt(behindProxy, { loginName: u.loginName, password: u.password }, "6.6.6.6, 10.88.0.7");
    expect(r.ok).toBe(true);
    expect((await t.db.auditLog.findFirstOrThrow({ where: { action: "auth.signIn", entityId: r.sessionId! } })).ip).toBe("10.88.0.7");

    for (let i = 0; i < 20; i++) await attempt(behindProxy, { loginName: `other-${i % 5}`, password: "123456" }, "10.88.0.8");
    expect(await attempt(behindProxy, { loginName: u.loginName, password: u.password }, "10.88.0.8")).toMatchObject({ reason: "throttled" });
    // Another client of the same proxy is not.
    expect(await attempt(behindProxy, { loginName: u.loginName, password: u.password }, "10.88.0.9")).toMatchObject({ ok: true });
  });
});
