import { describe, expect, it } from "vitest";
import { checkIdentity, normaliseIdNumber, type Buyer } from "./identity-check";

const HUSBAND: Buyer = { clientId: "c1", kind: "individual", idNumber: "44010619850312451X" };
const WIFE: Buyer = { clientId: "c2", kind: "individual", idNumber: "440106198707220028" };
const COMPANY: Buyer = { clientId: "c3", kind: "company", idNumber: "91440101MA5CXXXX1Y" };
const buyers = [HUSBAND, WIFE, COMPANY];

describe("normaliseIdNumber", () => {
  it("trims, drops inner spaces, upper-cases x and turns full-width characters into ASCII", () => {
    expect(normaliseIdNumber("  44010619850312451x ")).toBe("44010619850312451X");
    expect(normaliseIdNumber("440106 19850312 451X")).toBe("44010619850312451X");
    expect(normaliseIdNumber("４４０１０６１９８５０３１２４５１ｘ")).toBe("44010619850312451X");
    expect(normaliseIdNumber(null)).toBe("");
  });
  it("changes nothing else (a wrong digit stays wrong)", () => {
    expect(normaliseIdNumber("440106198503124510")).not.toBe(normaliseIdNumber(HUSBAND.idNumber));
  });
});

describe("checkIdentity", () => {
  it("accepts the owner with the ID on file, however it was typed", () => {
    expect(checkIdentity(buyers, { ownerClientId: "c1", ownerIdNumber: "44010619850312451x", recipientKind: "owner" })).toEqual({ ok: true, buyer: HUSBAND });
    expect(checkIdentity(buyers, { ownerClientId: "c2", ownerIdNumber: " 440106198707220028", recipientKind: "owner" })).toMatchObject({ ok: true });
  });

  it("refuses a wrong ID, including a co-owner's ID under the other buyer's name", () => {
    expect(checkIdentity(buyers, { ownerClientId: "c1", ownerIdNumber: "440106198503124510", recipientKind: "owner" })).toEqual({ ok: false, code: "CERT_ID_MISMATCH" });
    expect(checkIdentity(buyers, { ownerClientId: "c1", ownerIdNumber: WIFE.idNumber!, recipientKind: "owner" })).toEqual({ ok: false, code: "CERT_ID_MISMATCH" });
    expect(checkIdentity(buyers, { ownerClientId: "c1", ownerIdNumber: "", recipientKind: "owner" })).toEqual({ ok: false, code: "CERT_ID_MISMATCH" });
    // A prefix or the masked form is not the number.
    expect(checkIdentity(buyers, { ownerClientId: "c1", ownerIdNumber: "4401**********451X", recipientKind: "owner" })).toEqual({ ok: false, code: "CERT_ID_MISMATCH" });
  });

  it("refuses someone who is not a buyer of the unit", () => {
    expect(checkIdentity(buyers, { ownerClientId: "other", ownerIdNumber: HUSBAND.idNumber!, recipientKind: "owner" })).toEqual({ ok: false, code: "CERT_NOT_BUYER" });
    expect(checkIdentity([], { ownerClientId: "c1", ownerIdNumber: HUSBAND.idNumber!, recipientKind: "owner" })).toEqual({ ok: false, code: "CERT_NOT_BUYER" });
  });

  it("cannot verify a buyer without an ID number on file", () => {
    expect(checkIdentity([{ clientId: "c9", kind: "individual", idNumber: null }], { ownerClientId: "c9", ownerIdNumber: "", recipientKind: "owner" })).toEqual({ ok: false, code: "CERT_OWNER_NO_ID" });
  });

  it("an agent needs the power of attorney and an ID of their own, and the owner's ID still has to match", () => {
    const agent = { ownerClientId: "c1", ownerIdNumber: HUSBAND.idNumber!, recipientKind: "agent" as const, agentIdNumber: "440104199001011234", powerOfAttorney: "（2026）粤广州南方第1234号" };
    expect(checkIdentity(buyers, agent)).toMatchObject({ ok: true });
    expect(checkIdentity(buyers, { ...agent, powerOfAttorney: "  " })).toEqual({ ok: false, code: "CERT_AGENT_NEEDS_POA" });
    expect(checkIdentity(buyers, { ...agent, agentIdNumber: null })).toEqual({ ok: false, code: "CERT_AGENT_NEEDS_POA" });
    expect(checkIdentity(buyers, { ...agent, ownerIdNumber: WIFE.idNumber! })).toEqual({ ok: false, code: "CERT_ID_MISMATCH" });
    expect(checkIdentity(buyers, { ...agent, agentIdNumber: "44010619850312451x" })).toEqual({ ok: false, code: "CERT_AGENT_IS_OWNER" });
  });

  it("a company buyer collects only through an agent with the 授权委托书", () => {
    expect(checkIdentity(buyers, { ownerClientId: "c3", ownerIdNumber: COMPANY.idNumber!, recipientKind: "owner" })).toEqual({ ok: false, code: "CERT_COMPANY_NEEDS_AGENT" });
    expect(checkIdentity(buyers, { ownerClientId: "c3", ownerIdNumber: "91440101ma5cxxxx1y", recipientKind: "agent", agentIdNumber: "440104199001011234", powerOfAttorney: "授权委托书 2026-03" })).toMatchObject({ ok: true });
  });
});
