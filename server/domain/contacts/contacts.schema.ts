import { z } from "zod";
import { ZShanghaiDateTime } from "../complaints/complaints.schema";

// Shared by the contact forms and procedures. Messages are keys of the "validation" catalogue.
export const CONTACT_CHANNELS = ["phone", "visit"] as const;
export const CONTACT_PURPOSES = ["consult", "complaint", "repair", "certificate", "other"] as const;
export const FOLLOW_UP_FILTERS = ["open", "done", "none"] as const;
export const CONTACT_SORTS = ["occurredAt", "contactNo", "channel", "purpose"] as const;

const optionalId = z.uuid().nullish().or(z.literal("").transform(() => null));
const version = z.number().int().min(0).optional();
const reason = z.string().trim().min(2, "noteLength").max(1000, "noteLength");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date");

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

export const ZListContacts = z
  .object({
    q: z.string().trim().max(50).optional(),
    from: day.optional().or(z.literal("").transform(() => undefined)),
    to: day.optional().or(z.literal("").transform(() => undefined)),
    channel: z.enum(CONTACT_CHANNELS).optional(),
    purpose: z.enum(CONTACT_PURPOSES).optional(),
    followUp: z.enum(FOLLOW_UP_FILTERS).optional(),
    includeVoided: z.boolean().default(false),
    sort: z.enum(CONTACT_SORTS).default("occurredAt"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "rangeOrder", path: ["to"] });
export type TListContacts = z.input<typeof ZListContacts>;
