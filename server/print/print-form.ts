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

export type PrintForm<D> = {
  /** The URL segment: /print/<key>/<id>, /api/print/<key>/<id>. */
  key: string;
  /** What an id of this form looks like (default: a record's uuid; list forms name a period, see period-id.ts). */
  isId?: (id: string) => boolean;
  /** Who may print it (and open its print page); the route checks before anything renders. */
  roles: readonly Role[];
  /** The audit entry's entity (the record's own entity name, so it shows in its history). */
  entity: string;
  /** The records, in the order of `ids`; DomainError NOT_FOUND when one is missing or hidden. */
  load(db: Db, viewer: PrintViewer, ids: readonly string[]): Promise<D[]>;
  idOf(doc: D): string;
  numberOf(doc: D): string;
  titleOf(doc: D, t: PrintT): string;
  /** The record's page in the portal (the QR code's target), e.g. /archive/handover/<id>. */
  portalPath(doc: D): string;
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
export type AnyPrintForm = PrintForm<any>;

export function definePrintForm<D>(form: PrintForm<D>): AnyPrintForm {
  return form;
}
