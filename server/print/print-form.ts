import type { ReactNode } from "react";
import type { Db } from "../db/client";
import type { Role } from "../auth/roles";
import type { translatorFor } from "../i18n/translate";

// What one printable form is: who may print it, how its records are read, and how one record is
// laid out. The letterhead, QR code, signature lines, page numbers, token, pool and audit are
// shared (print-document.tsx, print.service.ts), so a new form is one file here plus its two
// route files (app/(print)/print/<key>/[id]/page.tsx and app/api/print/<key>/[id]/route.ts).

export type PrintT = ReturnType<typeof translatorFor>;
export type PrintViewer = { id: string; name: string; roles: readonly Role[] };

/** A record offered for (batch) printing on the /print page. */
export type PrintCandidate = { id: string; number: string; label: string; at: Date; state: string };

/**
 * The filters of the list page a list form prints (借阅登记表: 日期口径, 借阅人 …), carried in the
 * print URL's query string beside the period id. `parse` is the page's own parser (a malformed
 * value is dropped, as on the page); `params` writes them back. parse∘params is the identity, so
 * its query string is canonical: what the print token signs and Chromium's page URL carries.
 */
export type PrintFilters<F> = {
  parse(sp: URLSearchParams): F;
  params(filters: F): Record<string, string | undefined>;
};

export type PrintForm<D, F = undefined> = {
  /** The URL segment: /print/<key>/<id>, /api/print/<key>/<id>. */
  key: string;
  /** What an id of this form looks like (default: a record's uuid; list forms name a period, see period-id.ts). */
  isId?: (id: string) => boolean;
  /** Who may print it (and open its print page); the route checks before anything renders. */
  roles: readonly Role[];
  /** The audit entry's entity (the record's own entity name, so it shows in its history). */
  entity: string;
  /** A list form's page filters, read from the print URL (absent: the form takes no filters). */
  filters?: PrintFilters<F>;
  /** The records, in the order of `ids`; DomainError NOT_FOUND when one is missing or hidden. */
  load(db: Db, viewer: PrintViewer, ids: readonly string[], filters: F): Promise<D[]>;
  idOf(doc: D): string;
  numberOf(doc: D): string;
  titleOf(doc: D, t: PrintT): string;
  /** The record's page in the portal (the QR code's target), e.g. /archive/handover/<id>. */
  portalPath(doc: D): string;
  /** What a list holds, stated under the title (the period's date basis, the page's filters). */
  criteriaOf?(doc: D, t: PrintT): string[];
  /** Signature/date lines at the foot of the form. */
  signatures(doc: D, t: PrintT): string[];
  Body(props: { doc: D; t: PrintT }): ReactNode;
  /** A sheet (labels): the body fills the page, without letterhead, QR code or signature lines. */
  sheet?: boolean;
  /** The latest records this viewer may print, for batch selection. */
  recent(db: Db, viewer: PrintViewer, limit: number, t: PrintT): Promise<PrintCandidate[]>;
};

// Forms differ in their record type; the registry and the shared code see them through this.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPrintForm = PrintForm<any, any>;

export function definePrintForm<D, F = undefined>(form: PrintForm<D, F>): AnyPrintForm {
  return form;
}
