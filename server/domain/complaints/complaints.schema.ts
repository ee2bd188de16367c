import { z } from "zod";
import { isCalendarDay, ZDay } from "../calendar-day";

// Shared by the complaint forms and procedures. Messages are keys of the "validation" catalogue.
export const CHANNELS = ["phone", "visit", "letter", "online", "other"] as const;
export const SEVERITIES = ["normal", "major"] as const;
export const STATUSES = ["received", "in_progress", "resolved", "called_back", "closed"] as const;
export const SATISFACTIONS = ["very_satisfied", "satisfied", "neutral", "dissatisfied"] as const;

/** A Shanghai wall-clock time as typed: `2026-03-02 10:00` or the datetime-local `2026-03-02T10:00`. */
export const ZShanghaiDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, "dateTime")
  .refine((s) => isCalendarDay(s.slice(0, 10)) && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60, "dateTime");

export function shanghaiInstant(s: string): Date {
  return new Date(`${s.trim().replace(" ", "T")}:00+08:00`);
}

const optionalId = z.uuid().nullish().or(z.literal("").transform(() => null));
const note = z.string().trim().min(2, "noteLength").max(1000, "noteLength");
const version = z.number().int().min(0).optional();

export const ZIntake = z.object({
  channel: z.enum(CHANNELS),
  categoryId: z.uuid("categoryRequired"),
  severity: z.enum(SEVERITIES).default("normal"),
  clientId: optionalId,
  unitId: optionalId,
  complainantName: z.string().trim().min(1, "complainantRequired").max(50, "tooLong"),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/, "phone")
    .nullish()
    .or(z.literal("").transform(() => null)),
  content: z.string().trim().min(2, "contentLength").max(2000, "contentLength"),
  /** Defaults to now; a letter may be registered after it arrived. */
  receivedAt: ZShanghaiDateTime.nullish().or(z.literal("").transform(() => null)),
  /** Defaults to the latest allowed (receipt + 2 days). */
  promisedReplyAt: ZShanghaiDateTime.nullish().or(z.literal("").transform(() => null)),
  /** 转投诉: the 来电来访登记 entry this complaint starts from (linked both ways). */
  contactId: optionalId,
});
export type TIntake = z.input<typeof ZIntake>;

export const ZComplaintId = z.object({ complaintId: z.uuid() });

export const ZComplaintStep = z.object({ complaintId: z.uuid(), version, note });
export type TComplaintStep = z.infer<typeof ZComplaintStep>;

export const ZAssign = z
  .object({ complaintId: z.uuid(), version, assigneeId: optionalId, assigneeDeptId: optionalId, note })
  .refine((v) => !!v.assigneeId !== !!v.assigneeDeptId, { message: "assigneeOne", path: ["assigneeId"] });
export type TAssign = z.infer<typeof ZAssign>;

export const ZCallback = z.object({
  complaintId: z.uuid(),
  version,
  satisfaction: z.enum(SATISFACTIONS, "satisfactionRequired"),
  note,
});
export type TCallback = z.infer<typeof ZCallback>;

export const VIEWS = ["all", "mine", "unassigned", "overdue", "major"] as const;
export const SORTS = ["receivedAt", "complaintNo", "promisedReplyAt", "progressDueAt", "status"] as const;

export const ZListComplaints = z.object({
  view: z.enum(VIEWS).default("all"),
  q: z.string().trim().max(50).optional(),
  status: z.enum(STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  severity: z.enum(SEVERITIES).optional(),
  categoryId: z.uuid().optional(),
  sort: z.enum(SORTS).default("receivedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListComplaints = z.input<typeof ZListComplaints>;

export const ZComplainantSearch = z.object({ q: z.string().trim().min(1).max(30) });

export const ZCategoryCreate = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, "code"),
  name: z.string().trim().min(1, "required").max(20, "tooLong"),
  sortOrder: z.number().int().min(0).max(999).default(0),
});
export const ZCategoryUpdate = z.object({ categoryId: z.uuid(), name: z.string().trim().min(1, "required").max(20, "tooLong"), isActive: z.boolean(), sortOrder: z.number().int().min(0).max(999) });

const money = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, "money");

export const ZServiceSettings = z
  .object({
    clockMode: z.enum(["calendar", "working"]),
    workdayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "timeOfDay"),
    workdayEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "timeOfDay"),
    replyDays: z.number().int().min(1, "clockRange").max(30, "clockRange"),
    progressHours: z.number().int().min(1, "clockRange").max(72, "clockRange"),
    callbackDays: z.number().int().min(1, "clockRange").max(30, "clockRange"),
    // calendar: the amber 即将到期 warning, minutes before each clock's due time (0 = none).
    replyWarnMinutes: z.number().int().min(0, "clockRange").max(7 * 24 * 60, "clockRange").default(720),
    progressWarnMinutes: z.number().int().min(0, "clockRange").max(72 * 60, "clockRange").default(30),
    callbackWarnMinutes: z.number().int().min(0, "clockRange").max(7 * 24 * 60, "clockRange").default(720),
    engineeringLimit: money,
    engineeringApproverId: optionalId,
    generalApproverId: optionalId,
  })
  .refine((v) => v.workdayStart < v.workdayEnd, { message: "workdayOrder", path: ["workdayEnd"] });
export type TServiceSettings = z.input<typeof ZServiceSettings>;

// ── repairs ──
export const ZRepairCreate = z.object({
  complaintId: optionalId,
  unitId: optionalId,
  location: z.string().trim().min(2, "locationLength").max(100, "locationLength"),
  description: z.string().trim().min(2, "contentLength").max(2000, "contentLength"),
  isWarranty: z.boolean(),
  isPaid: z.boolean(),
  /** 转报修: the 来电来访登记 entry this work order starts from. */
  contactId: optionalId,
});
export type TRepairCreate = z.input<typeof ZRepairCreate>;

export const ZRepairId = z.object({ repairId: z.uuid() });
export const ZRepairPlan = z.object({ repairId: z.uuid(), version, plan: z.string().trim().min(2, "noteLength").max(2000, "noteLength"), cost: money });
export type TRepairPlan = z.infer<typeof ZRepairPlan>;
export const ZRepairDecision = z.object({ repairId: z.uuid(), version, level: z.enum(["engineering", "general"]), note: z.string().trim().max(500, "tooLong").optional() });
export type TRepairDecision = z.infer<typeof ZRepairDecision>;
export const ZRepairReject = z.object({ repairId: z.uuid(), version, level: z.enum(["engineering", "general"]), note });
export type TRepairReject = z.infer<typeof ZRepairReject>;
export const ZRepairStep = z.object({ repairId: z.uuid(), version, note });
export type TRepairStep = z.infer<typeof ZRepairStep>;
export const ZRepairCallback = z.object({ repairId: z.uuid(), version, satisfaction: z.enum(SATISFACTIONS, "satisfactionRequired"), note });
export type TRepairCallback = z.infer<typeof ZRepairCallback>;
export const ZListRepairs = z.object({
  status: z.enum(["registered", "pending_approval", "approved", "rejected", "done", "called_back"]).optional(),
  awaitingMe: z.boolean().optional(),
  q: z.string().trim().max(50).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListRepairs = z.input<typeof ZListRepairs>;

// ── statistics ──
export const ZStatsRange = z.object({
  from: ZDay,
  to: ZDay,
});
export type TStatsRange = z.infer<typeof ZStatsRange>;
