import { describe, expect, it } from "vitest";
import type { WeedingKind, WeedingStatus } from "../../db/generated/client";
import { DomainError } from "../errors";
import { availableActions, transition, type WeedingAction } from "./weeding.machine";

const STATUSES: WeedingStatus[] = ["draft", "submitted", "approved", "rejected", "done"];
const ACTIONS: WeedingAction[] = ["submit", "approve", "reject", "void", "execute"];

// Every allowed move, and nothing else: the table below is the whole machine.
const ALLOWED: Record<string, WeedingStatus> = {
  "destroy:draft:submit": "submitted",
  "destroy:submitted:approve": "approved",
  "destroy:submitted:reject": "rejected",
  "destroy:draft:void": "rejected",
  "transfer:draft:void": "rejected",
  "transfer:draft:execute": "done",
};

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe("weeding list machine", () => {
  for (const kind of ["destroy", "transfer"] as WeedingKind[]) {
    for (const status of STATUSES) {
      for (const action of ACTIONS) {
        const key = `${kind}:${status}:${action}`;
        const to = ALLOWED[key];
        if (to) {
          it(`${key} → ${to}`, () => expect(transition({ kind, status }, action)).toBe(to));
        } else {
          it(`${key} is refused`, () => {
            const code = codeOf(() => transition({ kind, status, listNo: "XH-2026-001" }, action));
            expect(code).not.toBeNull();
          });
        }
      }
    }
  }

  it("a transfer list cannot be submitted or approved: it needs no approval", () => {
    expect(codeOf(() => transition({ kind: "transfer", status: "draft" }, "submit"))).toBe("WEEDING_TRANSFER_NO_APPROVAL");
    expect(codeOf(() => transition({ kind: "transfer", status: "submitted" }, "approve"))).toBe("WEEDING_TRANSFER_NO_APPROVAL");
  });

  it("a destruction list cannot be carried out without approval", () => {
    expect(codeOf(() => transition({ kind: "destroy", status: "draft" }, "execute"))).toBe("WEEDING_DESTROY_NEEDS_APPROVAL");
  });

  it("a second decision on a decided list is a state conflict naming the list", () => {
    try {
      transition({ kind: "destroy", status: "approved", listNo: "XH-2026-007" }, "approve");
      expect.fail("approved twice");
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe("WEEDING_WRONG_STATUS");
      expect((e as DomainError).params).toEqual({ listNo: "XH-2026-007" });
    }
  });

  it("offers the actions of the list's state", () => {
    expect(availableActions({ kind: "destroy", status: "draft" })).toEqual(["submit", "void"]);
    expect(availableActions({ kind: "destroy", status: "submitted" })).toEqual(["approve", "reject"]);
    expect(availableActions({ kind: "transfer", status: "draft" })).toEqual(["void", "execute"]);
    expect(availableActions({ kind: "destroy", status: "approved" })).toEqual([]);
    expect(availableActions({ kind: "transfer", status: "done" })).toEqual([]);
  });
});
