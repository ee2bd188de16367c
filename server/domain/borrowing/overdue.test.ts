import { describe, expect, it } from "vitest";
import type { BorrowStatus } from "../../db/generated/client";
import { isLoanOverdue, reminderFor, reminderHorizon, reminderKey } from "./overdue";

// Instants in Shanghai: 2026-03-10 09:00 +08:00 is 01:00Z; 23:30 +08:00 on the 10th is 15:30Z.
const at = (iso: string) => new Date(iso);
const MORNING_10 = at("2026-03-10T01:00:00Z");
const LATE_10 = at("2026-03-10T15:30:00Z");
const EARLY_11 = at("2026-03-10T16:30:00Z"); // 00:30 on the 11th in Shanghai
const rules = { remindDaysBefore: 2 };
const loan = (status: BorrowStatus, dueOn: string) => ({ id: "L1", requestNo: "JY-2026-0001", status, dueOn });

describe("isLoanOverdue", () => {
  it("is overdue from the Shanghai day after the due day, only while the records are out", () => {
    expect(isLoanOverdue(loan("lent", "2026-03-10"), LATE_10)).toBe(false);
    expect(isLoanOverdue(loan("lent", "2026-03-10"), EARLY_11)).toBe(true);
    expect(isLoanOverdue(loan("renewed", "2026-03-09"), MORNING_10)).toBe(true);
    for (const s of ["requested", "pending_second", "approved", "rejected", "returned", "withdrawn"] as const) {
      expect(isLoanOverdue(loan(s, "2026-01-01"), MORNING_10), s).toBe(false);
    }
  });
});

describe("reminderFor", () => {
  it("reminds the borrower within the lead, up to the end of the due day; an overdue loan is the ladder's", () => {
    expect(reminderFor(loan("lent", "2026-03-13"), MORNING_10, rules)).toBeNull();
    expect(reminderFor(loan("lent", "2026-03-12"), MORNING_10, rules)).toEqual({ kind: "borrowDueSoon", dedupeKey: "borrow:borrowDueSoon:L1:2026-03-12" });
    expect(reminderFor(loan("lent", "2026-03-10"), LATE_10, rules)?.kind).toBe("borrowDueSoon");
    expect(reminderFor(loan("lent", "2026-03-10"), EARLY_11, rules)).toBeNull();
    expect(reminderFor(loan("renewed", "2026-03-01"), MORNING_10, rules)).toBeNull();
  });

  it("has nothing for loans not out", () => {
    for (const s of ["requested", "approved", "returned", "withdrawn", "rejected", "pending_second"] as const) {
      expect(reminderFor(loan(s, "2026-03-01"), MORNING_10, rules), s).toBeNull();
    }
  });

  it("keys each reminder by loan, kind and due day, so a renewal's new due day is reminded again", () => {
    const before = reminderFor(loan("lent", "2026-03-11"), MORNING_10, rules)!;
    const sameDayLater = reminderFor(loan("lent", "2026-03-11"), at("2026-03-10T08:00:00Z"), rules)!;
    expect(sameDayLater.dedupeKey).toBe(before.dedupeKey);
    const renewed = reminderFor(loan("renewed", "2026-03-12"), MORNING_10, rules)!;
    expect(renewed.kind).toBe("borrowDueSoon");
    expect(renewed.dedupeKey).not.toBe(before.dedupeKey);
    expect(reminderKey("borrowDueSoon", "a", "2026-03-05")).not.toBe(reminderKey("borrowDueSoon", "b", "2026-03-05"));
  });

  it("with no lead reminds on the due day itself only", () => {
    expect(reminderFor(loan("lent", "2026-03-11"), MORNING_10, { remindDaysBefore: 0 })).toBeNull();
    expect(reminderFor(loan("lent", "2026-03-10"), MORNING_10, { remindDaysBefore: 0 })?.kind).toBe("borrowDueSoon");
  });
});

describe("reminderHorizon", () => {
  it("is today plus the lead, across month ends", () => {
    expect(reminderHorizon("2026-03-10", rules)).toBe("2026-03-12");
    expect(reminderHorizon("2026-02-27", rules)).toBe("2026-03-01");
    expect(reminderHorizon("2026-03-10", { remindDaysBefore: 0 })).toBe("2026-03-10");
  });
});
