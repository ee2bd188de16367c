import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { domainErrorOfDb } from "./db-errors";
import { DomainError } from "../domain/errors";
import { formatError } from "../api/error-format";

// The shapes @prisma/adapter-pg 7.10 gives (seen on PostgreSQL 15; tests/integration/db-bounds.test.ts
// produces the real ones).
const prismaError = (cause: Record<string, unknown>, code = "P2010", message = "Raw query failed.") =>
  Object.assign(new Error(message), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("domainErrorOfDb", () => {
  it("a statement timeout or a cancel (57014) is QUERY_TIMEOUT", () => {
    expect(domainErrorOfDb(prismaError({ originalCode: "57014", kind: "postgres", code: "57014", message: "canceling statement due to statement timeout" }))?.code).toBe("QUERY_TIMEOUT");
    expect(domainErrorOfDb(Object.assign(new Error("canceling statement due to user request"), { code: "57014" }))?.code).toBe("QUERY_TIMEOUT");
  });

  it("no free connection in time is DB_BUSY", () => {
    expect(domainErrorOfDb(new Error("timeout exceeded when trying to connect"))?.code).toBe("DB_BUSY");
    expect(domainErrorOfDb(new Error("wrapped", { cause: new Error("timeout exceeded when trying to connect") }))?.code).toBe("DB_BUSY");
  });

  it("a stopped, restarting or unreachable server is DB_UNAVAILABLE (the shapes seen while pg_ctl stopped PostgreSQL 15)", () => {
    const known = (code: string, cause: Record<string, unknown>) => prismaError(cause, code, "\nInvalid `db.user.count()` invocation");
    // a pooled connection the server ended (pg_ctl stop/restart -m fast)
    expect(domainErrorOfDb(known("P2039", { originalCode: "57P01", kind: "postgres", code: "57P01", severity: "FATAL", message: "terminating connection due to administrator command" }))?.code).toBe("DB_UNAVAILABLE");
    // a new connection while it is down
    expect(domainErrorOfDb(known("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))?.code).toBe("DB_UNAVAILABLE");
    expect(domainErrorOfDb(Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" }))?.code).toBe("DB_UNAVAILABLE");
    // starting up / shutting down; pg's and Node's own errors
    expect(domainErrorOfDb(known("P2010", { originalCode: "57P03", code: "57P03", message: "the database system is starting up" }))?.code).toBe("DB_UNAVAILABLE");
    expect(domainErrorOfDb(new Error("Connection terminated unexpectedly"))?.code).toBe("DB_UNAVAILABLE");
    expect(domainErrorOfDb(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))?.code).toBe("DB_UNAVAILABLE");
    expect(formatError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: known("P1001", { kind: "DatabaseNotReachable" }) }), "zh-CN")).toMatchObject({ message: "数据库暂时无法连接，请稍后重试。", domainCode: "DB_UNAVAILABLE" });
  });

  it("a malformed uuid that reached PostgreSQL is NOT_FOUND; other bad text is not", () => {
    const uuid = prismaError({ originalCode: "22P02", kind: "InvalidInputValue", message: 'invalid input syntax for type uuid: "not-a-uuid"' }, "P2007", "Invalid `db.archiveRecord.findUnique()` invocation");
    expect(domainErrorOfDb(uuid)?.code).toBe("NOT_FOUND");
    const integer = prismaError({ originalCode: "22P02", kind: "InvalidInputValue", message: 'invalid input syntax for type integer: "x"' }, "P2007");
    expect(domainErrorOfDb(integer)).toBeNull();
  });

  it("anything else stays what it was", () => {
    expect(domainErrorOfDb(new Error("boom"))).toBeNull();
    expect(domainErrorOfDb(new DomainError("CONFLICT"))).toBeNull();
    expect(domainErrorOfDb(null)).toBeNull();
    expect(domainErrorOfDb(prismaError({ originalCode: "23505", kind: "UniqueConstraintViolation" }, "P2002"))).toBeNull();
  });

  it("the error formatter tells the user in their language, even without the procedure middleware", () => {
    const e = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: prismaError({ originalCode: "57014", code: "57014" }) });
    expect(formatError(e, "zh-CN")).toMatchObject({ message: expect.stringMatching(/^查询超时，请缩小范围/), domainCode: "QUERY_TIMEOUT" });
    expect(formatError(e, "en").message).toMatch(/took too long/);
  });
});
