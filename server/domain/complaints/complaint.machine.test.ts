import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { availableActions, isOpen, reopens, transition, type ComplaintAction, type ComplaintStatus } from "./complaint.machine";

const STATUSES: ComplaintStatus[] = ["received", "in_progress", "resolved", "called_back", "closed"];
const ACTIONS: ComplaintAction[] = ["assign", "progress", "reply", "resolve", "callback", "close", "escalate"];

// Every allowed move and its result; everything else must be refused.
const ALLOWED: Record<string, ComplaintStatus> = {
  "received/assign": "in_progress",
  "in_progress/assign": "in_progress",
  "received/progress": "in_progress",
  "in_progress/progress": "in_progress",
  "received/reply": "received",
  "in_progress/reply": "in_progress",
  "received/resolve": "resolved",
  "in_progress/resolve": "resolved",
  "resolved/callback": "called_back",
  "called_back/close": "closed",
  "received/escalate": "received",
  "in_progress/escalate": "in_progress",
  "resolved/escalate": "resolved",
};

describe("complaint machine", () => {
  for (const from of STATUSES) {
    for (const action of ACTIONS) {
      const key = `${from}/${action}`;
      const to = ALLOWED[key];
      it(`${key} → ${to ?? "refused"}`, () => {
        if (to) expect(transition(from, action, "satisfied")).toBe(to);
        else {
          expect(() => transition(from, action, "satisfied")).toThrow(DomainError);
          try {
            transition(from, action, "satisfied");
          } catch (e) {
            expect((e as DomainError).code).toBe("COMPLAINT_WRONG_STATUS");
          }
        }
      });
    }
  }

  it("reopens on a dissatisfied callback only", () => {
    expect(transition("resolved", "callback", "dissatisfied")).toBe("in_progress");
    for (const s of ["very_satisfied", "satisfied", "neutral"] as const) expect(transition("resolved", "callback", s)).toBe("called_back");
    expect(reopens("dissatisfied")).toBe(true);
    expect(reopens("neutral")).toBe(false);
    expect(() => transition("resolved", "callback")).toThrow(DomainError);
  });

  it("offers the actions of the state, nothing once closed", () => {
    expect(availableActions("received")).toEqual(["assign", "progress", "reply", "resolve", "escalate"]);
    expect(availableActions("resolved")).toEqual(["callback", "escalate"]);
    expect(availableActions("called_back")).toEqual(["close"]);
    expect(availableActions("closed")).toEqual([]);
    expect(STATUSES.filter(isOpen)).toEqual(["received", "in_progress"]);
  });
});
