import type { Prisma } from "../../db/generated/client";
import { maskIdNumber, maskPhone } from "../privacy/mask";
import { dayOf } from "./retention";

// What a record page may show, and no more: the client's ID number and phone are read only to
// be masked here, before anything leaves the server (004 第二十三条).
export const recordDetailSelect = {
  id: true,
  archiveNo: true,
  title: true,
  parties: true,
  formedOn: true,
  retentionYears: true,
  expiresOn: true,
  confidentiality: true,
  cabinet: true,
  shelf: true,
  box: true,
  status: true,
  conditions: true,
  remarks: true,
  createdAt: true,
  updatedAt: true,
  handoverBatchId: true,
  archiveClass: { select: { id: true, code: true, name: true, isClientFile: true } },
  project: { select: { id: true, name: true } },
  building: { select: { id: true, name: true } },
  unit: { select: { id: true, number: true } },
  client: { select: { id: true, name: true, kind: true, idNumber: true, phone: true } },
  paperItems: { orderBy: { name: "asc" }, select: { id: true, name: true, count: true, remark: true } },
} satisfies Prisma.ArchiveRecordSelect;

type RawClient = { id: string; name: string; kind: "individual" | "company"; idNumber: string | null; phone: string | null };

export function maskedClient(c: RawClient | null) {
  if (!c) return null;
  return { id: c.id, name: c.name, kind: c.kind, idMasked: maskIdNumber(c.idNumber), phoneMasked: maskPhone(c.phone) };
}

export function locationOf(r: { cabinet: string | null; shelf: string | null; box: string | null }): string | null {
  return [r.cabinet, r.shelf, r.box].filter(Boolean).join("-") || null;
}

export function formedAndExpiry(r: { formedOn: Date; expiresOn: Date | null }) {
  return { formedOn: dayOf(r.formedOn), expiresOn: r.expiresOn ? dayOf(r.expiresOn) : null };
}
