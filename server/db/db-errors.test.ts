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
