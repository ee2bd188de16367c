// 盒/标签/盘点's DomainError codes → tRPC codes (merged into server/domain/errors.ts). Messages:
// "errors" in server/i18n/messages/labels.*.json.
export const LABELS_ERRORS = {
  BOX_EXISTS: "CONFLICT",
  LABEL_GRID_TOO_DENSE: "BAD_REQUEST",
  STOCKTAKE_NOT_OPEN: "CONFLICT",
  STOCKTAKE_ALREADY_OPEN: "CONFLICT",
  STOCKTAKE_SCAN_NOT_FOUND: "NOT_FOUND",
  STOCKTAKE_SCAN_WITHDRAWN: "CONFLICT",
} as const;
