import { describe, expect, it } from "vitest";
import { PRINT_TOKEN_TTL_MS, signPrintToken, verifyPrintToken } from "./print-token";

const SECRET = "s".repeat(40);
const grant = { form: "handover", ids: ["a1", "b2"], userId: "u1" };
const now = 1_780_000_000_000;

describe("print token", () => {
  const token = signPrintToken(SECRET, grant, now);

  it("accepts its own form and ids before expiry", () => {
    const v = verifyPrintToken(SECRET, token, { form: "handover", ids: ["a1", "b2"] }, now + PRINT_TOKEN_TTL_MS - 1);
    expect(v).toEqual({ ok: true, grant: { ...grant, expiresAt: now + PRINT_TOKEN_TTL_MS } });
  });

  it("refuses an expired token", () => {
    expect(verifyPrintToken(SECRET, token, { form: "handover", ids: ["a1", "b2"] }, now + PRINT_TOKEN_TTL_MS)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses another form or other ids", () => {
    expect(verifyPrintToken(SECRET, token, { form: "weeding", ids: ["a1", "b2"] }, now)).toEqual({ ok: false, reason: "form" });
    expect(verifyPrintToken(SECRET, token, { form: "handover", ids: ["a1"] }, now)).toEqual({ ok: false, reason: "ids" });
    expect(verifyPrintToken(SECRET, token, { form: "handover", ids: ["b2", "a1"] }, now)).toEqual({ ok: false, reason: "ids" });
  });

  it("binds a list form's filters: only the same query string passes, and a plain token carries none", () => {
    const listGrant = { form: "borrow-register", ids: ["2026-11"], userId: "u1", query: "periodOf=lent&status=lent" };
    const listToken = signPrintToken(SECRET, listGrant, now);
    expect(verifyPrintToken(SECRET, listToken, { form: "borrow-register", ids: ["2026-11"], query: "periodOf=lent&status=lent" }, now)).toEqual({
      ok: true,
      grant: { ...listGrant, expiresAt: now + PRINT_TOKEN_TTL_MS },
    });
    expect(verifyPrintToken(SECRET, listToken, { form: "borrow-register", ids: ["2026-11"], query: "periodOf=lent" }, now)).toEqual({ ok: false, reason: "query" });
    expect(verifyPrintToken(SECRET, listToken, { form: "borrow-register", ids: ["2026-11"] }, now)).toEqual({ ok: false, reason: "query" });
    expect(verifyPrintToken(SECRET, token, { form: "handover", ids: ["a1", "b2"], query: "periodOf=lent" }, now)).toEqual({ ok: false, reason: "query" });
  });

  it("refuses a tampered payload, a foreign secret and garbage", () => {
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ f: "handover", i: ["a1", "b2"], u: "someone-else", e: now + 10 * PRINT_TOKEN_TTL_MS })).toString("base64url");
    expect(verifyPrintToken(SECRET, `${forged}.${sig}`, { form: "handover", ids: ["a1", "b2"] }, now)).toEqual({ ok: false, reason: "signature" });
    expect(verifyPrintToken("x".repeat(40), token, { form: "handover", ids: ["a1", "b2"] }, now)).toEqual({ ok: false, reason: "signature" });
    expect(verifyPrintToken(SECRET, `${body}.${sig}x`, { form: "handover", ids: ["a1", "b2"] }, now).ok).toBe(false);
    expect(verifyPrintToken(SECRET, "", { form: "handover", ids: [] }, now)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyPrintToken(SECRET, `${body}.${sig}.x`, { form: "handover", ids: ["a1", "b2"] }, now)).toEqual({ ok: false, reason: "malformed" });
  });
});
