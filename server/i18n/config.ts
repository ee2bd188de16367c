import zhCN from "./messages/zh-CN.json" with { type: "json" };
import en from "./messages/en.json" with { type: "json" };
import archiveZh from "./messages/archive.zh-CN.json" with { type: "json" };
import archiveEn from "./messages/archive.en.json" with { type: "json" };
import handoverZh from "./messages/handover.zh-CN.json" with { type: "json" };
import handoverEn from "./messages/handover.en.json" with { type: "json" };
import attachmentsZh from "./messages/attachments.zh-CN.json" with { type: "json" };
import attachmentsEn from "./messages/attachments.en.json" with { type: "json" };
import weedingZh from "./messages/weeding.zh-CN.json" with { type: "json" };
import weedingEn from "./messages/weeding.en.json" with { type: "json" };
import searchZh from "./messages/search.zh-CN.json" with { type: "json" };
import searchEn from "./messages/search.en.json" with { type: "json" };
import notificationsZh from "./messages/notifications.zh-CN.json" with { type: "json" };
import notificationsEn from "./messages/notifications.en.json" with { type: "json" };
import borrowingZh from "./messages/borrowing.zh-CN.json" with { type: "json" };
import borrowingEn from "./messages/borrowing.en.json" with { type: "json" };
import loansZh from "./messages/loans.zh-CN.json" with { type: "json" };
import loansEn from "./messages/loans.en.json" with { type: "json" };
import certificatesZh from "./messages/certificates.zh-CN.json" with { type: "json" };
import certificatesEn from "./messages/certificates.en.json" with { type: "json" };
import complaintsZh from "./messages/complaints.zh-CN.json" with { type: "json" };
import complaintsEn from "./messages/complaints.en.json" with { type: "json" };
import printZh from "./messages/print.zh-CN.json" with { type: "json" };
import printEn from "./messages/print.en.json" with { type: "json" };
import appraisalZh from "./messages/appraisal.zh-CN.json" with { type: "json" };
import appraisalEn from "./messages/appraisal.en.json" with { type: "json" };
import labelsZh from "./messages/labels.zh-CN.json" with { type: "json" };
import labelsEn from "./messages/labels.en.json" with { type: "json" };
import printformsZh from "./messages/printforms.zh-CN.json" with { type: "json" };
import printformsEn from "./messages/printforms.en.json" with { type: "json" };
import dashboardZh from "./messages/dashboard.zh-CN.json" with { type: "json" };
import dashboardEn from "./messages/dashboard.en.json" with { type: "json" };
import calendarZh from "./messages/calendar.zh-CN.json" with { type: "json" };
import calendarEn from "./messages/calendar.en.json" with { type: "json" };
import unitsZh from "./messages/units.zh-CN.json" with { type: "json" };
import unitsEn from "./messages/units.en.json" with { type: "json" };
import contactsZh from "./messages/contacts.zh-CN.json" with { type: "json" };
import contactsEn from "./messages/contacts.en.json" with { type: "json" };

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";

type Tree = { [key: string]: string | Tree };

/** Module catalogues add namespaces and extend shared ones ("errors", "auditActions"). */
function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [k, v] of Object.entries(tree)) {
      const prev = out[k];
      out[k] = typeof v === "object" && typeof prev === "object" ? merge(prev, v) : v;
    }
  }
  return out;
}

// Typed by the zh-CN files (the intersection merges shared namespaces); the en files' keys are
// checked against them by the "same keys in both languages" test.
// One line per catalogue part (modules add theirs), so merges of parallel work do not collide.
export type Messages = typeof zhCN
  & typeof archiveZh
  & typeof handoverZh
  & typeof attachmentsZh
  & typeof weedingZh
  & typeof searchZh
  & typeof notificationsZh
  & typeof borrowingZh
  & typeof loansZh
  & typeof certificatesZh
  & typeof complaintsZh
  & typeof printZh
  & typeof appraisalZh
  & typeof labelsZh
  & typeof printformsZh
  & typeof dashboardZh
  & typeof calendarZh
  & typeof unitsZh
  & typeof contactsZh;
export const MESSAGES: Record<Locale, Messages> = {
  "zh-CN": merge(
    zhCN,
    archiveZh,
    handoverZh,
    attachmentsZh,
    weedingZh,
    searchZh,
    notificationsZh,
    borrowingZh,
    loansZh,
    certificatesZh,
    complaintsZh,
    printZh,
    appraisalZh,
    labelsZh,
    printformsZh,
    dashboardZh,
    calendarZh,
    unitsZh,
    contactsZh,
  ) as unknown as Messages,
  en: merge(
    en,
    archiveEn,
    handoverEn,
    attachmentsEn,
    weedingEn,
    searchEn,
    notificationsEn,
    borrowingEn,
    loansEn,
    certificatesEn,
    complaintsEn,
    printEn,
    appraisalEn,
    labelsEn,
    printformsEn,
    dashboardEn,
    calendarEn,
    unitsEn,
    contactsEn,
  ) as unknown as Messages,
};

export function asLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : DEFAULT_LOCALE;
}
