import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { availableActions, transition, type BorrowAction } from "./borrow.machine";

const loan = (status: Parameters<typeof transition>[0]["status"], needsSecondApproval = false) => ({ status, needsSecondApproval, requestNo: "JY-2026-0001" });

describe("borrow state machine", () => {
  it("walks the ordinary path 申请 → 已批准 → 已借出 → 已续借 → 已归还", () => {
    expect(transition(loan("requested"), "approve")).toBe("approved");
    expect(transition(loan("approved"), "lend")).toBe("lent");
    expect(transition(loan("lent"), "renew")).toBe("renewed");
    expect(transition(loan("renewed"), "renew")).toBe("renewed");
    expect(transition(loan("renewed"), "return")).toBe("returned");
    expect(transition(loan("lent"), "return")).toBe("returned");
  });

  it("sends a 机密 loan to the second approval before it is approved", () => {
    expect(transition(loan("requested", true), "approve")).toBe("pending_second");
    expect(transition(loan("pending_second", true), "secondApprove")).toBe("approved");
    expect(transition(loan("pending_second", true), "reject")).toBe("rejected");
  });

  it("lets the borrower withdraw only before the records leave the room", () => {
    for (const s of ["requested", "pending_second", "approved"] as const) expect(transition(loan(s), "withdraw")).toBe("withdrawn");
    for (const s of ["lent", "renewed", "returned", "rejected", "withdrawn"] as const) expect(() => transition(loan(s), "withdraw")).toThrow(DomainError);
  });

  it("refuses every move a status does not allow, naming the slip", () => {
    const all: BorrowAction[] = ["approve", "secondApprove", "reject", "withdraw", "lend", "renew", "return"];
    const allowed: Record<string, BorrowAction[]> = {
      requested: ["approve", "reject", "withdraw"],
      pending_second: ["secondApprove", "reject", "withdraw"],
      approved: ["withdraw", "lend"],
      lent: ["renew", "return"],
      renewed: ["renew", "return"],
      rejected: [],
      returned: [],
      withdrawn: [],
    };
    for (const [status, ok] of Object.entries(allowed)) {
      const l = loan(status as never);
      expect(availableActions(l).sort()).toEqual([...ok].sort());
      for (const a of all.filter((x) => !ok.includes(x))) {
        try {
          transition(l, a);
          expect.unreachable(`${status} took ${a}`);
        } catch (e) {
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).code).toBe("BORROW_WRONG_STATUS");
          expect((e as DomainError).params).toMatchObject({ requestNo: "JY-2026-0001", status, action: a });
        }
      }
    }
  });

  it("never lends an unapproved or returned loan, and never approves twice", () => {
    expect(() => transition(loan("requested"), "lend")).toThrow(DomainError);
    expect(() => transition(loan("returned"), "lend")).toThrow(DomainError);
    expect(() => transition(loan("approved"), "approve")).toThrow(DomainError);
    expect(() => transition(loan("requested", false), "secondApprove")).toThrow(DomainError);
  });
});
