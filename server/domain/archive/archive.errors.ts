// 档案管理's DomainError codes → tRPC codes (merged into server/domain/errors.ts). Messages:
// "errors" in server/i18n/messages/archive.*.json.
export const ARCHIVE_ERRORS = {
  ARCHIVE_CLASS_UNKNOWN: "BAD_REQUEST",
  ARCHIVE_CLASS_CODE_TAKEN: "CONFLICT",
  ARCHIVE_NOT_IN_STORE: "CONFLICT",
  ARCHIVE_SECRET: "FORBIDDEN",
  ARCHIVE_STATE_CHANGED: "CONFLICT",
} as const;
