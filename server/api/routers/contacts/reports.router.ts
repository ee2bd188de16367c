import { router, roleProcedure } from "../../trpc";
import { whoOf } from "../complaints/who";
import { REPORT_READERS, REPORT_SUPERSEDERS, REPORT_WRITERS } from "../../../domain/contacts/contacts.policy";
import * as reports from "../../../domain/contacts/reports.service";
import { reportBoard } from "../../../domain/contacts/report-board";
import { ZListReports, ZReportId, ZReportPeriodInput, ZReportRegenerate, ZReportSign, ZReportSupersede } from "../../../domain/contacts/reports.schema";

// 客户来电来访情况 (issue 9 §2, 000 §13): the CS specialist generates and signs; the leads and the
// auditor read; a signed report is superseded only by the supervisor.
const readers = roleProcedure(REPORT_READERS);
const writers = roleProcedure(REPORT_WRITERS);

export const contactReportsRouter = router({
  list: readers.input(ZListReports).query(({ ctx, input }) => reports.listReports(ctx.db, input)),
  get: readers.input(ZReportId).query(({ ctx, input }) => reports.getReport(ctx.db, input.reportId)),
  board: readers.query(({ ctx }) => reportBoard(ctx.db, new Date())),
  generate: writers.input(ZReportPeriodInput).mutation(({ ctx, input }) => reports.generateReport(ctx.db, whoOf(ctx), input)),
  regenerate: writers.input(ZReportRegenerate).mutation(({ ctx, input }) => reports.regenerateReport(ctx.db, whoOf(ctx), input)),
  sign: writers.input(ZReportSign).mutation(({ ctx, input }) => reports.signReport(ctx.db, whoOf(ctx), input)),
  supersede: roleProcedure(REPORT_SUPERSEDERS).input(ZReportSupersede).mutation(({ ctx, input }) => reports.supersedeReport(ctx.db, whoOf(ctx), input)),
});
