import { describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DomainError } from "../domain/errors";
import { logRequestError, quietRefusals, refusalCode } from "./error-log";

const fakeConsole = () => ({ error: vi.fn(), warn: vi.fn() });

describe("refusalCode (issue 16 #13)", () => {
  it("knows refusals: DomainErrors, 4xx TRPCErrors, zod errors", () => {
    expect(refusalCode(new DomainError("FORBIDDEN"))).toBe("FORBIDDEN");
    expect(refusalCode(new DomainError("ATTACHMENT_DUPLICATE"))).toBe("CONFLICT");
    expect(refusalCode(new TRPCError({ code: "NOT_FOUND" }))).toBe("NOT_FOUND");
    expect(refusalCode(new TRPCError({ code: "METHOD_NOT_SUPPORTED" }))).toBe("METHOD_NOT_SUPPORTED");
    expect(refusalCode(z.string().safeParse(1).error)).toBe("BAD_REQUEST");
    // tRPC's 500 around a DomainError thrown where the mapping did not run is still a refusal.
    expect(refusalCode(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new DomainError("FORBIDDEN") }))).toBe("FORBIDDEN");
  });

  it("recognises a DomainError from another bundle by its name", () => {
    const copy = Object.assign(new Error("FORBIDDEN"), { name: "DomainError", code: "FORBIDDEN" });
    expect(refusalCode(copy)).toBe("FORBIDDEN");
  });

  it("real faults are not refusals", () => {
    expect(refusalCode(new Error("boom"))).toBeNull();
    expect(refusalCode(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("boom") }))).toBeNull();
    expect(refusalCode(new DomainError("QUERY_TIMEOUT"))).toBeNull();
    expect(refusalCode(new DomainError("DB_BUSY"))).toBeNull();
    expect(refusalCode("a string")).toBeNull();
  });
});

describe("logRequestError", () => {
  it("a FORBIDDEN refusal is one warning line, never console.error", () => {
    const log = fakeConsole();
    logRequestError("trpc admin.listUsers", new TRPCError({ code: "FORBIDDEN", cause: new DomainError("FORBIDDEN") }), log);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledExactlyOnceWith("[refused] trpc admin.listUsers: FORBIDDEN");
  });

  it("a refused input or a signed-out call is not logged at all", () => {
    const log = fakeConsole();
    logRequestError("trpc x", new TRPCError({ code: "UNAUTHORIZED", cause: new DomainError("UNAUTHENTICATED") }), log);
    logRequestError("trpc x", new TRPCError({ code: "BAD_REQUEST", cause: z.string().safeParse(1).error }), log);
    expect(log.error).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
  });

  it("a real 500 keeps its full log, with the cause and its stack", () => {
    const log = fakeConsole();
    const boom = new Error("boom");
    logRequestError("trpc x", new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: boom }), log);
    expect(log.error).toHaveBeenCalledExactlyOnceWith("[error] trpc x:", boom);
  });
});

describe("quietRefusals (Next.js's own error log)", () => {
  it("turns `⨯ Error [DomainError]: FORBIDDEN` into one warning line", () => {
    const log = fakeConsole();
    const original = log.error;
    quietRefusals(log);
    log.error("\u001b[31m\u001b[1m⨯\u001b[22m\u001b[39m", new DomainError("FORBIDDEN"));
    expect(original).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledExactlyOnceWith("[refused] FORBIDDEN");
    log.error("⨯", new TRPCError({ code: "FORBIDDEN", cause: new DomainError("ARCHIVE_SECRET") }));
    expect(log.warn).toHaveBeenLastCalledWith("[refused] FORBIDDEN (ARCHIVE_SECRET)");
    expect(original).not.toHaveBeenCalled();
  });

  it("leaves every other error as it was, stack and all", () => {
    const log = fakeConsole();
    const original = log.error;
    quietRefusals(log);
    const boom = new Error("boom");
    log.error("⨯", boom);
    log.error("plain text");
    log.error("⨯", new DomainError("FORBIDDEN"), boom);
    expect(original.mock.calls).toEqual([["⨯", boom], ["plain text"], ["⨯", expect.any(DomainError), boom]]);
  });

  it("is installed once", () => {
    const log = fakeConsole();
    quietRefusals(log);
    const wrapped = log.error;
    quietRefusals(log);
    expect(log.error).toBe(wrapped);
  });
});
