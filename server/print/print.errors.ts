// Printing (issue 8): messages in the catalogue's "errors" namespace (print.*.json).
export const PRINT_ERRORS = {
  PRINT_UNAVAILABLE: "INTERNAL_SERVER_ERROR",
  PRINT_TIMEOUT: "TIMEOUT",
  PRINT_BUSY: "TOO_MANY_REQUESTS",
  PRINT_FAILED: "INTERNAL_SERVER_ERROR",
  PRINT_TOO_MANY: "BAD_REQUEST",
  PRINT_NONE_SELECTED: "BAD_REQUEST",
} as const;
