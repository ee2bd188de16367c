import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { DomainError } from "../domain/errors";
import { orNotFound } from "./not-found";

// A refusal in a page is a page of its own, never an error Next.js logs with a stack (issue 16 #13).
const digestOf = (p: Promise<unknown>) => p.then(() => expect.fail("expected a throw"), (e: { digest?: string }) => e.digest ?? String(e));

describe("orNotFound", () => {
  it("NOT_FOUND and BAD_REQUEST open the 404 page", async () => {
    expect(await digestOf(orNotFound(Promise.reject(new TRPCError({ code: "NOT_FOUND" }))))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    expect(await digestOf(orNotFound(Promise.reject(new TRPCError({ code: "BAD_REQUEST" }))))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("FORBIDDEN opens /forbidden", async () => {
    const digest = await digestOf(orNotFound(Promise.reject(new TRPCError({ code: "FORBIDDEN", cause: new DomainError("FORBIDDEN") }))));
    expect(digest).toMatch(/^NEXT_REDIRECT;.*;\/forbidden;/);
  });

  it("anything else propagates", async () => {
    const boom = new Error("boom");
    await expect(orNotFound(Promise.reject(boom))).rejects.toBe(boom);
  });
});
