import { z } from "zod";
import { isCalendarDay } from "../calendar-day";

// Shared by the 绩效考核 forms and procedures. Messages are "validation.*" catalogue keys.
export const ZAudience = z.enum(["operational", "management"]);
export const ZDimension = z.enum(["de", "qin", "neng", "ji"]);
export const ZKind = z.enum(["weekly_check", "monthly_check", "spot_check", "monthly", "year_end"]);
export const ZStatus = z.enum(["draft", "scored", "confirmed", "finalised"]);

/** A score or maximum: up to 3 digits and one decimal place (DECIMAL(5,1)). */
const score = z.string().trim().regex(/^\d{1,3}(\.\d)?$/, "scoreFormat");
const year = z.number().int().min(2000).max(2100);
const page = z.number().int().min(1).max(10_000).default(1);

export const ZTemplateSave = z.object({
  audience: ZAudience,
  /** The version the editor started from: a newer one saved meanwhile is a conflict. */
  baseVersion: z.number().int().min(0),
  name: z.string().trim().min(2, "nameLength").max(60, "nameLength"),
  maxima: z.object({ de: score, qin: score, neng: score, ji: score }),
  items: z
    .array(z.object({ dimension: ZDimension, name: z.string().trim().min(2, "nameLength").max(30, "nameLength"), maxScore: score, criteria: z.string().trim().max(200, "tooLong").optional().nullable() }))
    .min(4, "itemsRequired")
    .max(60, "tooManyRows"),
  note: z.string().trim().max(200, "tooLong").optional().nullable(),
});
export type TTemplateSave = z.infer<typeof ZTemplateSave>;

export const ZTemplateList = z.object({ audience: ZAudience.optional() });
export const ZTemplateId = z.object({ templateId: z.uuid() });

export const ZListAppraisals = z.object({
  year: year.optional(),
  month: z.number().int().min(1).max(12).optional(),
  kind: ZKind.optional(),
  status: ZStatus.optional(),
  employeeId: z.uuid().optional(),
  q: z.string().trim().max(30).optional(),
  sort: z.enum(["period", "total", "name", "status"]).default("period"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page,
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListAppraisals = z.input<typeof ZListAppraisals>;

export const ZCreateAppraisal = z.object({
  employeeId: z.uuid("employeeRequired"),
  kind: ZKind,
  period: z.string().trim().min(4, "periodRequired").max(10, "periodRequired"),
});
export type TCreateAppraisal = z.infer<typeof ZCreateAppraisal>;

export const ZAppraisalId = z.object({ appraisalId: z.uuid() });

export const ZSaveScores = z.object({
  appraisalId: z.uuid(),
  deductions: z.array(z.object({ itemId: z.uuid(), deduction: score, reason: z.string().trim().max(200, "tooLong").optional().nullable() })).max(60, "tooManyRows"),
  adjustments: z
    .array(z.object({ kind: z.enum(["penalty", "commendation"]), points: score, reason: z.string().trim().min(2, "reasonRequired").max(200, "reasonRequired") }))
    .max(20, "tooManyRows"),
  summary: z.string().trim().max(500, "tooLong").optional().nullable(),
});
export type TSaveScores = z.infer<typeof ZSaveScores>;

export const ZDispute = z.object({ appraisalId: z.uuid(), comment: z.string().trim().min(2, "reasonRequired").max(500, "reasonRequired") });
export const ZAcknowledge = z.object({ appraisalId: z.uuid(), comment: z.string().trim().max(500, "tooLong").optional().nullable() });
export const ZReopen = z.object({ appraisalId: z.uuid(), reason: z.string().trim().min(2, "reasonRequired").max(200, "reasonRequired") });
export const ZCorrect = z.object({ appraisalId: z.uuid(), reason: z.string().trim().min(2, "reasonRequired").max(200, "reasonRequired") });

export const ZYearEnd = z.object({ year, employeeId: z.uuid().optional() });
export const ZYearEndPerson = z.object({ year, employeeId: z.uuid() });
export const ZStatistics = z.object({ year, month: z.number().int().min(1).max(12).optional() });
export type TStatistics = z.infer<typeof ZStatistics>;

export const ZFineProposal = z.object({
  employeeId: z.uuid("employeeRequired"),
  rule: z.number().int().min(1, "ruleRequired").max(15, "ruleRequired"),
  occurredOn: z.string().refine(isCalendarDay, "dateRequired"),
  callCost: z
    .string()
    .trim()
    .regex(/^(\d{1,6}(\.\d{1,2})?)?$/, "moneyFormat")
    .optional()
    .nullable(),
});
export const ZRecordFine = ZFineProposal.extend({ description: z.string().trim().min(2, "reasonRequired").max(200, "reasonRequired") });
export type TRecordFine = z.infer<typeof ZRecordFine>;
export const ZListFines = z.object({ year: year.optional(), employeeId: z.uuid().optional(), page, pageSize: z.number().int().min(1).max(100).default(20) });
export type TListFines = z.input<typeof ZListFines>;
