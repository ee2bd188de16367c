import type { Locale } from "../../i18n/config";
import { translatorFor } from "../../i18n/translate";
import { formatShanghai } from "../time";
import type { ContactRow } from "./contacts.read";

// The 来电来访登记簿 as a file: one line per entry, the columns of the list plus what the list
// shows on hover (答复, 跟进情况) and the void reason. Phones stay masked as on the page: the
// file leaves the server. Pure formatting; contacts.service.ts reads the rows and audits.

export const CONTACT_EXPORT_COLUMNS = [
  "contactNo",
  "occurredAt",
  "channel",
  "purpose",
  "caller",
  "phone",
  "unit",
  "content",
  "answer",
  "followUp",
  "followUpNote",
  "complaintNo",
  "orderNo",
  "recordedBy",
  "voidReason",
] as const;

/** Header row and one row of text cells per entry, in the user's language. */
export function contactTable(rows: readonly ContactRow[], locale: Locale): string[][] {
  const t = translatorFor(locale);
  const header = CONTACT_EXPORT_COLUMNS.map((c) => t(`contacts.export.${c}`));
  const body = rows.map((r) => {
    const cells: Record<(typeof CONTACT_EXPORT_COLUMNS)[number], string> = {
      contactNo: r.contactNo,
      occurredAt: r.occurredAtText,
      channel: t(`contacts.channels.${r.channel}`),
      purpose: t(`contacts.purposes.${r.purpose}`),
      caller: r.callerName,
      phone: r.callerPhone,
      unit: r.unit ?? "",
      content: r.content,
      answer: r.answer,
      followUp: r.voidedAt ? t("contacts.voided") : t(`contacts.followUps.${r.followUp}`),
      followUpNote: r.followUpDoneAt ? `${r.followUpNote ?? ""} (${formatShanghai(r.followUpDoneAt)})`.trim() : "",
      complaintNo: r.complaintNo ?? "",
      orderNo: r.orderNo ?? "",
      recordedBy: r.recordedByName,
      voidReason: r.voidedAt ? (r.voidReason ?? "") : "",
    };
    return CONTACT_EXPORT_COLUMNS.map((c) => cells[c]);
  });
  return [header, ...body];
}

/** 客户来电来访登记_20260315-1200.csv: the Shanghai time of the export, as the borrow register's files. */
export function contactExportFileName(locale: Locale, now: Date, format: "csv" | "xlsx"): { ascii: string; name: string; sheet: string } {
  const sheet = translatorFor(locale)("contacts.export.sheetName");
  const stamp = formatShanghai(now, "yyyyMMdd-HHmm");
  return { ascii: `contacts-${stamp}.${format}`, name: `${sheet}_${stamp}.${format}`, sheet };
}
