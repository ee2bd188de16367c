// 剔除/销毁 and 移出 DomainError codes → tRPC codes (merged into server/domain/errors.ts).
// Messages: "errors" in server/i18n/messages/weeding.*.json.
export const WEEDING_ERRORS = {
  WEEDING_WRONG_STATUS: "CONFLICT",
  WEEDING_TRANSFER_NO_APPROVAL: "BAD_REQUEST",
  WEEDING_DESTROY_NEEDS_APPROVAL: "BAD_REQUEST",
  WEEDING_SELF_APPROVAL: "FORBIDDEN",
  WEEDING_RECORD_NOT_ELIGIBLE: "BAD_REQUEST",
  WEEDING_RECORDS_NOT_IN_STORE: "CONFLICT",
} as const;
