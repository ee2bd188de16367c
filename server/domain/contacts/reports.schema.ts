import { z } from "zod";
import { REPORT_KINDS } from "./report-periods";

export const REPORT_STATUSES = ["draft", "signed", "superseded"] as const;

export const ZReportPeriodInput = z.object({
  kind: z.enum(REPORT_KINDS),
  /** daily `2026-03-02`, weekly the Sunday it starts, monthly `2026-03`. */
  periodKey: z.string().trim().regex(/^\d{4}-\d{2}(-\d{2})?$/, "periodKey"),
});
export type TReportPeriodInput = z.infer<typeof ZReportPeriodInput>;

export const ZReportId = z.object({ reportId: z.uuid() });
const version = z.number().int().min(0).optional();

/** 签字: the CS specialist's remarks (what the figures do not say) and sign-off. */
export const ZReportSign = z.object({ reportId: z.uuid(), version, remarks: z.string().trim().max(2000, "tooLong").default("") });
export type TReportSign = z.input<typeof ZReportSign>;

export const ZReportRegenerate = z.object({ reportId: z.uuid(), version });
export const ZReportSupersede = z.object({ reportId: z.uuid(), version, reason: z.string().trim().min(2, "noteLength").max(1000, "noteLength") });
export type TReportSupersede = z.input<typeof ZReportSupersede>;

export const ZListReports = z.object({
  kind: z.enum(REPORT_KINDS).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  includeSuperseded: z.boolean().default(false),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type TListReports = z.input<typeof ZListReports>;
