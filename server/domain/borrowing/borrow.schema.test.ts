import { describe, expect, it } from "vitest";
import { SECOND_APPROVER_ROLES } from "./borrow.policy";
import { MAX_RECORDS_PER_REQUEST, SECOND_APPROVER_CHOICES, ZBorrowSettings, ZBulkApproveBorrow, ZCreateBorrowRequest, ZListMyRequests, ZRejectBorrow } from "./borrow.schema";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("ZCreateBorrowRequest", () => {
  const ok = { recordIds: [id(1)], borrowType: "reading", purpose: "核对合同", dueOn: "2026-12-01" };
  it("accepts picked ids, typed 档号 or both, trimming the purpose", () => {
    expect(ZCreateBorrowRequest.parse({ ...ok, purpose: "  核对合同 " })).toMatchObject({ purpose: "核对合同", archiveNos: [] });
    expect(ZCreateBorrowRequest.safeParse({ ...ok, recordIds: [], archiveNos: ["KH-2024-000001"] }).success).toBe(true);
  });
  it("needs at least one record and at most the limit, a type, a purpose and a yyyy-mm-dd day", () => {
    expect(messages(ZCreateBorrowRequest.safeParse({ ...ok, recordIds: [] }))).toEqual({ recordIds: "borrowRecordsRequired" });
    const many = Array.from({ length: MAX_RECORDS_PER_REQUEST }, (_, i) => id(i));
    expect(ZCreateBorrowRequest.safeParse({ ...ok, recordIds: many }).success).toBe(true);
    expect(messages(ZCreateBorrowRequest.safeParse({ ...ok, recordIds: many, archiveNos: ["KH-1"] }))).toEqual({ recordIds: "borrowTooMany" });
    expect(messages(ZCreateBorrowRequest.safeParse({ ...ok, borrowType: undefined, purpose: "x", dueOn: "1/12/2026" }))).toEqual({ borrowType: "borrowTypeRequired", purpose: "borrowPurpose", dueOn: "date" });
  });
});

describe("decisions and lists", () => {
  it("a rejection needs a reason; a bulk approval at least one slip", () => {
    expect(messages(ZRejectBorrow.safeParse({ requestId: id(1), comment: " x " }))).toEqual({ comment: "borrowReason" });
    expect(messages(ZBulkApproveBorrow.safeParse({ requestIds: [] }))).toEqual({ requestIds: "borrowSelectRequests" });
  });
  it("my list defaults to newest first, page 1", () => {
    expect(ZListMyRequests.parse({})).toMatchObject({ sort: "createdAt", dir: "desc", page: 1, pageSize: 20 });
  });
});

describe("ZBorrowSettings", () => {
  it("keeps the default period within the maximum and the reviewer among the allowed roles", () => {
    expect(ZBorrowSettings.safeParse({ defaultLoanDays: 7, maxLoanDays: 7, secretApproverRole: "supervisor", remindDaysBefore: 0 }).success).toBe(true);
    expect(messages(ZBorrowSettings.safeParse({ defaultLoanDays: 8, maxLoanDays: 7, secretApproverRole: "manager", remindDaysBefore: 1 }))).toEqual({ defaultLoanDays: "borrowDefaultOverMax" });
    expect(messages(ZBorrowSettings.safeParse({ defaultLoanDays: 0, maxLoanDays: 400, secretApproverRole: "admin", remindDaysBefore: 31 }))).toEqual({
      defaultLoanDays: "borrowDays",
      maxLoanDays: "borrowDays",
      secretApproverRole: "invalid",
      remindDaysBefore: "borrowRemindDays",
    });
  });
  it("offers exactly the policy's second-approver roles", () => {
    expect([...SECOND_APPROVER_CHOICES].sort()).toEqual([...SECOND_APPROVER_ROLES].sort());
  });
});
