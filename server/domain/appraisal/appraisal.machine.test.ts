import { describe, expect, it } from "vitest";
import type { AppraisalStatus } from "../../db/generated/client";
import { DomainError } from "../errors";
import { APPRAISAL_ACTIONS, APPRAISAL_STATUSES, availableActions, transition } from "./appraisal.machine";

// Every allowed move, and nothing else: this table is the whole machine.
const ALLOWED: Record<string, AppraisalStatus> = {
  "draft:edit": "draft",
  "draft:score": "scored",
  "scored:acknowledge": "confirmed",
  "scored:dispute": "confirmed",
  "scored:reopen": "draft",
  "confirmed:reopen": "draft",
  "confirmed:finalise": "finalised",
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

describe("appraisal machine 草稿 → 已评分 → 已确认 → 已定稿", () => {
  for (const status of APPRAISAL_STATUSES) {
    for (const action of APPRAISAL_ACTIONS) {
      const key = `${status}:${action}`;
      const to = ALLOWED[key];
      if (to) it(`${key} → ${to}`, () => expect(transition(status, action)).toBe(to));
      else it(`${key} is refused`, () => expect(codeOf(() => transition(status, action))).toBe(status === "finalised" ? "APPRAISAL_FINALISED" : "APPRAISAL_WRONG_STATUS"));
    }
  }

  it("a finalised appraisal offers nothing: it cannot change", () => {
    expect(availableActions("finalised")).toEqual([]);
  });

  it("cannot be finalised before the employee has seen it", () => {
    expect(codeOf(() => transition("scored", "finalise"))).toBe("APPRAISAL_WRONG_STATUS");
    expect(codeOf(() => transition("draft", "finalise"))).toBe("APPRAISAL_WRONG_STATUS");
  });

  it("offers the actions of each state", () => {
    expect(availableActions("draft")).toEqual(["edit", "score"]);
    expect(availableActions("scored")).toEqual(["acknowledge", "dispute", "reopen"]);
    expect(availableActions("confirmed")).toEqual(["reopen", "finalise"]);
  });
});
