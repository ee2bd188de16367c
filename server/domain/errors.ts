// Domain code throws DomainError(code); the tRPC error formatter maps the code to an HTTP-ish
// tRPC code and a message in the user's language (server/api/error-format.ts). One table, here.
import { ARCHIVE_ERRORS } from "./archive/archive.errors";
import { HANDOVER_ERRORS } from "./archive/handover.errors";
import { ATTACHMENTS_ERRORS } from "./archive/attachments.errors";
import { WEEDING_ERRORS } from "./archive/weeding.errors";
import { BORROWING_ERRORS } from "./borrowing/borrowing.errors";
import { COMPLAINTS_ERRORS } from "./complaints/complaints.errors";
import { PRINT_ERRORS } from "../print/print.errors";
import { APPRAISAL_ERRORS } from "./appraisal/appraisal.errors";
import { LABELS_ERRORS } from "./labels/labels.errors";
import { CALENDAR_ERRORS } from "./calendar/calendar.errors";
import { CONTACTS_ERRORS } from "./contacts/contacts.errors";

export const DOMAIN_ERRORS = {
  ...ARCHIVE_ERRORS,
  ...HANDOVER_ERRORS,
  ...ATTACHMENTS_ERRORS,
  ...WEEDING_ERRORS,
  ...BORROWING_ERRORS,
  ...COMPLAINTS_ERRORS,
  ...PRINT_ERRORS,
  ...APPRAISAL_ERRORS,
  ...LABELS_ERRORS,
  ...CALENDAR_ERRORS,
  ...CONTACTS_ERRORS,
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  PASSWORD_CHANGE_REQUIRED: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  STALE_WRITE: "CONFLICT",
  LOGIN_NAME_TAKEN: "CONFLICT",
  PROJECT_CODE_TAKEN: "CONFLICT",
  BUILDING_CODE_TAKEN: "CONFLICT",
  UNIT_NUMBER_TAKEN: "CONFLICT",
  CANNOT_DEACTIVATE_SELF: "BAD_REQUEST",
  CANNOT_REMOVE_OWN_ADMIN: "BAD_REQUEST",
  WRONG_CURRENT_PASSWORD: "BAD_REQUEST",
  PASSWORD_TOO_SHORT: "BAD_REQUEST",
  PASSWORD_TOO_COMMON: "BAD_REQUEST",
  PASSWORD_BLANK: "BAD_REQUEST",
  PASSWORD_EDGE_WHITESPACE: "BAD_REQUEST",
  PASSWORD_REPEATED: "BAD_REQUEST",
  PASSWORD_SEQUENCE: "BAD_REQUEST",
  PASSWORD_CONTAINS_LOGIN: "BAD_REQUEST",
  PASSWORD_UNCHANGED: "BAD_REQUEST",
  BAD_INPUT: "BAD_REQUEST",
  // The request's form, not its content: a method or a body type the endpoint does not take.
  METHOD_NOT_SUPPORTED: "METHOD_NOT_SUPPORTED",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  BAD_CHARACTER: "BAD_REQUEST",
  // The database's bounds (server/db/client.ts, db-errors.ts): a statement over its timeout, a pool with no free connection.
  QUERY_TIMEOUT: "TIMEOUT",
  DB_BUSY: "SERVICE_UNAVAILABLE",
  // The database server is stopped, restarting or unreachable (db-errors.ts); the pool reconnects by itself.
  DB_UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

export class DomainError extends Error {
  /** The input field the refusal belongs to, when there is one: the form shows the message under it. */
  readonly field: string | undefined;
  /**
   * A portal path to what the refusal is about (the appraisal that already holds the slot): the
   * form shows it as a link beside the message, labelled by errorLinks.<code> in the catalogue.
   */
  readonly link: string | undefined;
  constructor(
    readonly code: DomainErrorCode,
    readonly params: Record<string, string | number> = {},
    opts: { field?: string; link?: string } = {},
  ) {
    super(code);
    this.field = opts.field;
    this.link = opts.link;
    this.name = "DomainError";
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
