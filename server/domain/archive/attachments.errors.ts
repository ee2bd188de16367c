// DomainError codes of 档案附件 (scans and photos) → tRPC codes (merged into server/domain/errors.ts).
// Messages: "errors" in server/i18n/messages/attachments.*.json. ATTACHMENT_PURGED is answered
// with HTTP 410 by the download route; through tRPC it reads as NOT_FOUND.
export const ATTACHMENTS_ERRORS = {
  ATTACHMENT_NO_FILE: "BAD_REQUEST",
  ATTACHMENT_EMPTY: "BAD_REQUEST",
  ATTACHMENT_TOO_LARGE: "BAD_REQUEST",
  ATTACHMENT_TYPE_REFUSED: "BAD_REQUEST",
  ATTACHMENT_IMAGE_TOO_LARGE: "BAD_REQUEST",
  ATTACHMENT_IMAGE_UNREADABLE: "BAD_REQUEST",
  ATTACHMENT_DUPLICATE: "CONFLICT",
  ATTACHMENT_RECORD_DESTROYED: "CONFLICT",
  ATTACHMENT_PURGED: "NOT_FOUND",
  ATTACHMENT_FILE_MISSING: "NOT_FOUND",
} as const;
