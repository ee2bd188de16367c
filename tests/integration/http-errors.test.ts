import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { handleTrpcRequest } from "../../server/api/http-handler";
import type { Context } from "../../server/api/context";
import { otherMethods } from "../../app/api/archive/attachments/respond";
import { signedInAs, useTestDatabase } from "./helpers";

// Issue 16 #13 over HTTP, through the handler app/api/trpc/[trpc]/route.ts uses: a wrong method
// or content type is a 405/415 with a Chinese message (they said 系统出错), and a refusal is no
// server error in the log (no console.error, no stack).

const t = useTestDatabase();
let staff: Context;
let admin: Context;
let targetId: string;

beforeAll(async () => {
  const s = await signedInAs(t.db, ["staff"]);
  const a = await signedInAs(t.db, ["admin"]);
  staff = { db: t.db, user: s.session, ip: "127.0.0.1", locale: "zh-CN" };
  admin = { db: t.db, user: a.session, ip: "127.0.0.1", locale: "zh-CN" };
  targetId = s.user.id;
});

afterEach(() => {
  vi.restoreAllMocks();
});

const url = (path: string, input?: unknown) =>
  `http://127.0.0.1/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;
async function call(ctx: Context, req: Request) {
  const res = await handleTrpcRequest(req, async () => ctx);
  return { status: res.status, body: (await res.json()) as { error: { json: { message: string; data: { code: string } } } } };
}
const spyConsole = () => ({ error: vi.spyOn(console, "error").mockImplementation(() => {}), warn: vi.spyOn(console, "warn").mockImplementation(() => {}) });

describe("the tRPC endpoint", () => {
  it("a GET to a mutation is a 405 with 不支持该请求方法, and nothing changes", async () => {
    const log = spyConsole();
    const before = await t.db.user.findUniqueOrThrow({ where: { id: targetId }, select: { passwordHash: true } });
    const r = await call(admin, new Request(url("admin.resetPassword", { userId: targetId, newPassword: "Reset-Kefu-2026" })));
    expect(r.status).toBe(405);
    expect(r.body.error.json.message).toBe("不支持该请求方法。");
    expect(r.body.error.json.data.code).toBe("METHOD_NOT_SUPPORTED");
    expect(await t.db.user.findUniqueOrThrow({ where: { id: targetId }, select: { passwordHash: true } })).toEqual(before);
    expect(log.error).not.toHaveBeenCalled();
  });

  it("a PUT is a 405 with the same message", async () => {
    const r = await call(admin, new Request(url("admin.resetPassword"), { method: "PUT", body: "{}", headers: { "content-type": "application/json" } }));
    expect([r.status, r.body.error.json.message]).toEqual([405, "不支持该请求方法。"]);
  });

  it("a POST with text/plain is a 415 with 不支持的内容类型", async () => {
    const log = spyConsole();
    const body = JSON.stringify({ json: { userId: targetId, newPassword: "Reset-Kefu-2026" } });
    const r = await call(admin, new Request(url("admin.resetPassword"), { method: "POST", body, headers: { "content-type": "text/plain" } }));
    expect(r.status).toBe(415);
    expect(r.body.error.json.message).toBe("不支持的内容类型。");
    expect(log.error).not.toHaveBeenCalled();
  });

  it("a FORBIDDEN refusal is answered in Chinese and logged as one warning line at most, never console.error", async () => {
    const log = spyConsole();
    const r = await call(staff, new Request(url("admin.listUsers", {})));
    expect(r.status).toBe(403);
    expect(r.body.error.json.message).toBe("您没有执行此操作的权限。");
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn.mock.calls.length).toBeLessThanOrEqual(1);
    for (const args of log.warn.mock.calls) {
      expect(args).toHaveLength(1);
      expect(String(args[0])).not.toContain("\n");
      expect(String(args[0])).toContain("FORBIDDEN");
    }
  });

  it("a refused input (zod) is not logged at all", async () => {
    const log = spyConsole();
    const r = await call(admin, new Request(url("admin.resetPassword"), { method: "POST", body: JSON.stringify({ json: { userId: "x", newPassword: "" } }), headers: { "content-type": "application/json" } }));
    expect(r.status).toBe(400);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
  });
});

describe("API routes", () => {
  it("a method a route does not take is a 405 with the Allow header and a Chinese message", async () => {
    const { POST, DELETE } = otherMethods("GET");
    const res = POST(new NextRequest("http://127.0.0.1/api/archive/attachments/x", { method: "POST" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(await res.json()).toEqual({ code: "METHOD_NOT_SUPPORTED", message: "不支持该请求方法。" });
    expect(DELETE(new NextRequest("http://127.0.0.1/x", { method: "DELETE", headers: { cookie: "NEXT_LOCALE=en" } })).status).toBe(405);
  });
});
