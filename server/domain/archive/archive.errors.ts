// 档案管理's DomainError codes → tRPC codes (merged into server/domain/errors.ts). Messages:
// "errors" in server/i18n/messages/archive.*.json.
export const ARCHIVE_ERRORS = {
  ARCHIVE_CLASS_UNKNOWN: "BAD_REQUEST",
  ARCHIVE_CLASS_CODE_TAKEN: "CONFLICT",
  ARCHIVE_NOT_IN_STORE: "CONFLICT",
  ARCHIVE_SECRET: "FORBIDDEN",
  ARCHIVE_STATE_CHANGED: "CONFLICT",
  CHECKLIST_ITEM_TAKEN: "CONFLICT",
  ARCHIVE_UNIT_MISMATCH: "BAD_REQUEST",
  ARCHIVE_CLIENT_NOT_OWNER: "BAD_REQUEST",
} as const;
