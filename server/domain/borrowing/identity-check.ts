// 产权证领取 [000 §10.4]: the certificate goes to the owner only after the ID they show matches the
// buyer on the unit's contract (ClientUnit), or to an agent who shows a power of attorney and the
// owner's ID. Pure rules; certificates.service.ts applies them inside the transaction.

/**
 * The form in which ID numbers are compared: full-width digits and letters typed with a Chinese
 * IME become ASCII (NFKC), spaces go, and the check letter x is upper-case. Nothing else is
 * "corrected": the comparison after this is exact.
 */
export function normaliseIdNumber(raw: string | null | undefined): string {
  return (raw ?? "").normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

export type Buyer = { clientId: string; kind: "individual" | "company"; idNumber: string | null };

export type HandoutParty = {
  ownerClientId: string;
  /** The owner's ID number as presented (the original, or the copy an agent brings). */
  ownerIdNumber: string;
  recipientKind: "owner" | "agent";
  agentIdNumber?: string | null;
  powerOfAttorney?: string | null;
};

export type IdentityCode = "CERT_NOT_BUYER" | "CERT_OWNER_NO_ID" | "CERT_ID_MISMATCH" | "CERT_COMPANY_NEEDS_AGENT" | "CERT_AGENT_NEEDS_POA" | "CERT_AGENT_IS_OWNER";
export type IdentityCheck = { ok: true; buyer: Buyer } | { ok: false; code: IdentityCode };

/**
 * Decides whether the certificate may be handed over: the chosen person is one of the unit's
 * buyers, the presented ID equals the one on file, a company buyer collects only through an
 * agent, and an agent brings a power of attorney and is not the owner under another label.
 */
export function checkIdentity(buyers: readonly Buyer[], party: HandoutParty): IdentityCheck {
  const buyer = buyers.find((b) => b.clientId === party.ownerClientId);
  if (!buyer) return { ok: false, code: "CERT_NOT_BUYER" };
  const onFile = normaliseIdNumber(buyer.idNumber);
  if (!onFile) return { ok: false, code: "CERT_OWNER_NO_ID" };
  if (normaliseIdNumber(party.ownerIdNumber) !== onFile) return { ok: false, code: "CERT_ID_MISMATCH" };
  // A company has no body to sign with: its representative is an agent with the 授权委托书.
  if (buyer.kind === "company" && party.recipientKind !== "agent") return { ok: false, code: "CERT_COMPANY_NEEDS_AGENT" };
  if (party.recipientKind === "agent") {
    const agentId = normaliseIdNumber(party.agentIdNumber);
    if (!agentId || !(party.powerOfAttorney ?? "").trim()) return { ok: false, code: "CERT_AGENT_NEEDS_POA" };
    if (agentId === onFile) return { ok: false, code: "CERT_AGENT_IS_OWNER" };
  }
  return { ok: true, buyer };
}
