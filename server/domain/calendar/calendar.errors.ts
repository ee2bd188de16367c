// 工作日历 and escalation ladder DomainError codes (merged into server/domain/errors.ts).
// Messages: "errors" in server/i18n/messages/calendar.*.json.
export const CALENDAR_ERRORS = {
  CALENDAR_DAY_UNKNOWN: "NOT_FOUND",
  CALENDAR_IMPORT_LINE: "BAD_REQUEST",
  CALENDAR_KIND_POINTLESS: "BAD_REQUEST",
  LADDER_LEVELS_ORDER: "BAD_REQUEST",
  LADDER_DELAY: "BAD_REQUEST",
  LADDER_NO_TARGET: "BAD_REQUEST",
} as const;
