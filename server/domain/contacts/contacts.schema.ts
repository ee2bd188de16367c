import { z } from "zod";
import { isCalendarDay, ZDay } from "../calendar-day";
import { ZShanghaiDateTime } from "../complaints/complaints.schema";

// Shared by the contact forms and procedures. Messages are keys of the "validation" catalogue.
export const CONTACT_CHANNELS = ["phone", "visit"] as const;
export const CONTACT_PURPOSES = ["consult", "complaint", "repair", "certificate", "other"] as const;
export const FOLLOW_UP_FILTERS = ["open", "done", "none"] as const;
export const CONTACT_SORTS = ["occurredAt", "contactNo", "channel", "purpose"] as const;

const optionalId = z.uuid().nullish().or(z.literal("").transform(() => null));
const version = z.number().int().min(0).optional();
const reason = z.string().trim().min(2, "noteLength").max(1000, "noteLength");
const day = ZDay;

const contactFields = {
  /** Defaults to now (the form leaves it empty while the caller is on the line). */
  occurredAt: ZShanghaiDateTime.nullish().or(z.literal("").transform(() => null)),
  channel: z.enum(CONTACT_CHANNELS),
  purpose: z.enum(CONTACT_PURPOSES, "purposeRequired"),
  clientId: optionalId,
  unitId: optionalId,
  callerName: z.string().trim().min(1, "callerRequired").max(50, "tooLong"),
  callerPhone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/, "phone")
    .nullish()
    .or(z.literal("").transform(() => null)),
  content: z.string().trim().min(2, "contentLength").max(2000, "contentLength"),
  answer: z.string().trim().max(2000, "tooLong").default(""),
  followUpNeeded: z.boolean().default(false),
};

export const ZContactRecord = z.object(contactFields);
export type TContactRecord = z.input<typeof ZContactRecord>;

/** 更正: the new values and why; the old ones stay in the audit log. */
export const ZContactCorrect = z.object({ contactId: z.uuid(), version, reason, ...contactFields });
export type TContactCorrect = z.input<typeof ZContactCorrect>;

export const ZContactVoid = z.object({ contactId: z.uuid(), version, reason });
export type TContactVoid = z.input<typeof ZContactVoid>;

export const ZFollowUpDone = z.object({ contactId: z.uuid(), version, note: reason });
export type TFollowUpDone = z.input<typeof ZFollowUpDone>;

export const ZContactId = z.object({ contactId: z.uuid() });
export const ZComplaintLink = z.object({ complaintId: z.uuid() });
export const ZRepairLink = z.object({ repairId: z.uuid() });

// The list's filters, shared by the page, the list procedure and the export.
const filterFields = {
  q: z.string().trim().max(50).optional(),
  from: day.optional().or(z.literal("").transform(() => undefined)),
  to: day.optional().or(z.literal("").transform(() => undefined)),
  channel: z.enum(CONTACT_CHANNELS).optional(),
  purpose: z.enum(CONTACT_PURPOSES).optional(),
  followUp: z.enum(FOLLOW_UP_FILTERS).optional(),
  includeVoided: z.boolean().default(false),
  sort: z.enum(CONTACT_SORTS).default("occurredAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
};
const rangeOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;

export const ZContactFilters = z.object(filterFields).refine(rangeOrder, { message: "rangeOrder", path: ["to"] });
export type TContactFilters = z.input<typeof ZContactFilters>;
export type ContactFilters = z.output<typeof ZContactFilters>;

export const ZListContacts = z
  .object({
    ...filterFields,
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .refine(rangeOrder, { message: "rangeOrder", path: ["to"] });
export type TListContacts = z.input<typeof ZListContacts>;

/** One export holds at most this many entries (a file that still opens in Excel/WPS). */
export const MAX_CONTACT_EXPORT_ROWS = 10_000;
export const CONTACT_EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ContactExportFormat = (typeof CONTACT_EXPORT_FORMATS)[number];

type Params = Partial<Record<string, string | string[] | undefined>>;
const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => ((list as readonly string[]).includes(v ?? "") ? (v as T) : undefined);
const dayParam = (v: string | undefined) => (v !== undefined && isCalendarDay(v) ? v : undefined);

/**
 * The page's query string as filters; the list page and the export route read the same URL the
 * same way (unknown values fall back to "all", a reversed range drops its end), so a file
 * holds what the screen shows.
 */
export function contactFiltersFromParams(raw: Params): ContactFilters & { page: number } {
  const sp = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<string, string | undefined>;
  const from = dayParam(sp.from);
  const to = dayParam(sp.to) && (!from || dayParam(sp.to)! >= from) ? dayParam(sp.to) : undefined;
  return {
    q: sp.q?.trim() ? sp.q.trim().slice(0, 50) : undefined,
    from,
    to,
    channel: pick(CONTACT_CHANNELS, sp.channel),
    purpose: pick(CONTACT_PURPOSES, sp.purpose),
    followUp: pick(FOLLOW_UP_FILTERS, sp.followUp),
    includeVoided: sp.includeVoided === "1",
    sort: pick(CONTACT_SORTS, sp.sort) ?? "occurredAt",
    dir: pick(["asc", "desc"] as const, sp.dir) ?? "desc",
    page: Math.max(1, Math.min(10_000, Math.floor(Number(sp.page)) || 1)),
  };
}

/** The filters back as the page's query string (empty ones left out). */
export function contactParamsOf(f: ContactFilters): Record<string, string | undefined> {
  return { q: f.q, from: f.from, to: f.to, channel: f.channel, purpose: f.purpose, followUp: f.followUp, includeVoided: f.includeVoided ? "1" : undefined, sort: f.sort, dir: f.dir };
}
