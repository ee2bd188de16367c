import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { z } from "zod";
import { DomainError } from "../domain/errors";
import type { SessionUser } from "../domain/accounts/session";
import type { Role } from "../auth/roles";
import type { Db } from "../db/client";
import type { Context } from "./context";
import { createCallerFactory, protectedProcedure, publicProcedure, roleProcedure, router } from "./trpc";
import { createCaller as createAppCaller } from "./root";

// A database that fails the test if a refused call reaches it: the guards must stop first.
const untouchableDb = new Proxy({} as Db, {
  get(_target, prop) {
    if (typeof prop === "symbol" || prop === "then") return undefined;
    throw new Error(`the database was touched (db.${prop}) by a call that should have been refused`);
  },
});

function userWith(roles: Role[], mustChangePassword = false): SessionUser {
  return { id: "00000000-0000-4000-8000-000000000001", sessionId: "00000000-0000-4000-8000-000000000002", loginName: "tester", name: "测试员", roles, mustChangePassword };
}

function ctxFor(user: SessionUser | null, locale: Context["locale"] = "zh-CN"): Context {
  return { db: untouchableDb, user, ip: "127.0.0.1", locale };
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; domainCode: string | null }> {
  try {
    await call;
  } catch (e) {
    expect(e).toBeInstanceOf(TRPCError);
    const err = e as TRPCError;
    return { code: err.code, domainCode: err.cause instanceof DomainError ? err.cause.code : null };
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

// A router of our own, so each guard is seen in isolation from the portal's procedures.
const testRouter = router({
  open: publicProcedure.query(() => "open"),
  mine: protectedProcedure.query(({ ctx }) => ctx.user.loginName),
  changeOwn: protectedProcedure.meta({ access: "signed-in", allowPendingPasswordChange: true }).mutation(({ ctx }) => ctx.user.loginName),
  approve: roleProcedure(["supervisor", "manager"])
    .input(z.object({ requestId: z.uuid() }))
    .mutation(({ input }) => `approved ${input.requestId}`),
  takenUnit: publicProcedure.mutation(() => {
    throw new DomainError("UNIT_NUMBER_TAKEN", { number: "0101" });
  }),
});
const callTest = (user: SessionUser | null) => createCallerFactory(testRouter)(ctxFor(user));
const REQUEST_ID = "7d3f6a3e-5b8c-4a8e-9a47-0d1e2f3a4b5c";

describe("publicProcedure", () => {
  it("answers without a user", async () => {
    await expect(callTest(null).open()).resolves.toBe("open");
  });
});

describe("protectedProcedure", () => {
  it("refuses a caller without a user as UNAUTHORIZED", async () => {
    expect(await refusal(callTest(null).mine())).toEqual({ code: "UNAUTHORIZED", domainCode: "UNAUTHENTICATED" });
  });

  it("serves any signed-in user, whatever the role", async () => {
    await expect(callTest(userWith(["auditor"])).mine()).resolves.toBe("tester");
    await expect(callTest(userWith(["staff"])).mine()).resolves.toBe("tester");
  });

  it("refuses a user who must change the initial password first", async () => {
    expect(await refusal(callTest(userWith(["staff"], true)).mine())).toEqual({ code: "FORBIDDEN", domainCode: "PASSWORD_CHANGE_REQUIRED" });
  });

  it("lets a procedure marked allowPendingPasswordChange through", async () => {
    await expect(callTest(userWith(["staff"], true)).changeOwn()).resolves.toBe("tester");
  });
});

describe("roleProcedure", () => {
  it("serves a user holding one of the roles", async () => {
    await expect(callTest(userWith(["manager"])).approve({ requestId: REQUEST_ID })).resolves.toBe(`approved ${REQUEST_ID}`);
    await expect(callTest(userWith(["staff", "supervisor"])).approve({ requestId: REQUEST_ID })).resolves.toBe(`approved ${REQUEST_ID}`);
  });

  it("refuses every other role as FORBIDDEN", async () => {
    for (const role of ["staff", "archivist", "admin", "auditor"] as const) {
      expect(await refusal(callTest(userWith([role])).approve({ requestId: REQUEST_ID })), role).toEqual({ code: "FORBIDDEN", domainCode: "FORBIDDEN" });
    }
  });

  it("refuses a caller without a user as UNAUTHORIZED, not FORBIDDEN", async () => {
    expect(await refusal(callTest(null).approve({ requestId: REQUEST_ID }))).toEqual({ code: "UNAUTHORIZED", domainCode: "UNAUTHENTICATED" });
  });

  it("refuses a pending password change before looking at roles", async () => {
    expect(await refusal(callTest(userWith(["manager"], true)).approve({ requestId: REQUEST_ID }))).toEqual({
      code: "FORBIDDEN",
      domainCode: "PASSWORD_CHANGE_REQUIRED",
    });
  });

  it("checks the role before the input, so a forbidden caller learns nothing about its shape", async () => {
    expect(await refusal(callTest(userWith(["staff"])).approve({ requestId: "nonsense" }))).toEqual({ code: "FORBIDDEN", domainCode: "FORBIDDEN" });
    // An allowed caller with the same input gets the validation error.
    expect(await refusal(callTest(userWith(["manager"])).approve({ requestId: "nonsense" }))).toEqual({ code: "BAD_REQUEST", domainCode: null });
  });

  it("records who may call it in meta, for the procedure × role walk", () => {
    expect(testRouter._def.procedures.approve._def.meta).toEqual({ access: "roles", roles: ["supervisor", "manager"] });
    expect(testRouter._def.procedures.mine._def.meta).toEqual({ access: "signed-in" });
    expect(testRouter._def.procedures.open._def.meta).toEqual({ access: "public" });
  });
});

describe("DomainError mapping", () => {
  it("turns a DomainError into the tRPC code of errors.ts, keeping the domain error as cause", async () => {
    expect(await refusal(callTest(null).takenUnit())).toEqual({ code: "CONFLICT", domainCode: "UNIT_NUMBER_TAKEN" });
  });
});

describe("the portal's own procedures (no database reached when refused)", () => {
  const call = (user: SessionUser | null) => createAppCaller(ctxFor(user));
  const newUser = { loginName: "lisi", displayName: "李四", roles: ["staff"], initialPassword: "Kefu-Archive-2026" };

  it("admin.createUser refuses everyone but the admin", async () => {
    for (const role of ["staff", "archivist", "supervisor", "manager", "auditor"] as const) {
      expect(await refusal(call(userWith([role])).admin.createUser(newUser as never)), role).toEqual({ code: "FORBIDDEN", domainCode: "FORBIDDEN" });
    }
    expect((await refusal(call(null).admin.createUser(newUser as never))).code).toBe("UNAUTHORIZED");
  });

  it("admin.createUser lets the admin through to input validation", async () => {
    expect(await refusal(call(userWith(["admin"])).admin.createUser({ ...newUser, loginName: "9" } as never))).toEqual({ code: "BAD_REQUEST", domainCode: null });
  });

  it("audit.list is for the auditor only; the admin cannot read the audit log", async () => {
    expect(await refusal(call(userWith(["admin"])).audit.list({}))).toEqual({ code: "FORBIDDEN", domainCode: "FORBIDDEN" });
  });

  it("account.me works while a password change is pending; the rest of the portal does not", async () => {
    const pending = userWith(["admin"], true);
    await expect(call(pending).account.me()).resolves.toMatchObject({ loginName: "tester", mustChangePassword: true, roles: ["admin"] });
    expect(await refusal(call(pending).account.recentActivity())).toEqual({ code: "FORBIDDEN", domainCode: "PASSWORD_CHANGE_REQUIRED" });
    expect(await refusal(call(pending).admin.listUsers({}))).toEqual({ code: "FORBIDDEN", domainCode: "PASSWORD_CHANGE_REQUIRED" });
  });
});

describe("over HTTP: the error formatter", () => {
  async function post(path: string, body: unknown, user: SessionUser | null, locale: Context["locale"] = "zh-CN") {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      router: testRouter,
      req: new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: body }) }),
      createContext: () => ctxFor(user, locale),
    });
    const payload = (await res.json()) as { error: Parameters<typeof superjson.deserialize>[0] };
    // The client reads the error through the same transformer.
    const error = superjson.deserialize(payload.error) as { message: string; code: number; data: Record<string, unknown> };
    return { status: res.status, error };
  }

  it("sends the refusal in the user's language with its domain code, and no stack", async () => {
    const zh = await post("approve", { requestId: REQUEST_ID }, userWith(["staff"]));
    expect(zh.status).toBe(403);
    expect(zh.error.message).toBe("您没有执行此操作的权限。");
    expect(zh.error.data).toMatchObject({ code: "FORBIDDEN", domainCode: "FORBIDDEN", fieldErrors: null });
    expect(zh.error.data).not.toHaveProperty("stack", expect.anything());

    const en = await post("takenUnit", undefined, null, "en");
    expect(en.status).toBe(409);
    expect(en.error.message).toBe("Unit 0101 already exists in this building.");
  });

  it("sends field errors for the form to show beside each field", async () => {
    const r = await post("approve", { requestId: "nonsense" }, userWith(["manager"]));
    expect(r.status).toBe(400);
    expect(r.error.message).toBe("输入有误，请检查标红的字段。");
    expect(r.error.data).toMatchObject({ domainCode: "BAD_INPUT", fieldErrors: { requestId: "输入无效" } });
  });
});
