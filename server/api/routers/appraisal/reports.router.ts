import { router, roleProcedure } from "../../trpc";
import { APPRAISAL_READERS } from "../../../domain/appraisal/appraisal.policy";
import { viewerOf } from "../../../domain/appraisal/viewer";
import * as yearEnd from "../../../domain/appraisal/year-end.service";
import * as stats from "../../../domain/appraisal/statistics.service";
import { ZStatistics, ZYearEnd, ZYearEndPerson } from "../../../domain/appraisal/appraisal.schema";
import { z } from "zod";

// The record and statistics tables (issue 7 §3, §6); each row is one the viewer may see.
const readers = roleProcedure(APPRAISAL_READERS);

export const reportsRouter = router({
  yearEndTable: readers.input(ZYearEnd).query(async ({ ctx, input }) => yearEnd.yearEndTable(ctx.db, await viewerOf(ctx.db, ctx.user), input.year)),
  yearEndRecord: readers.input(ZYearEndPerson).query(async ({ ctx, input }) => yearEnd.yearEndRecord(ctx.db, await viewerOf(ctx.db, ctx.user), input)),
  statistics: readers.input(ZStatistics).query(async ({ ctx, input }) => stats.statistics(ctx.db, await viewerOf(ctx.db, ctx.user), input)),
  monthlyRecords: readers
    .input(z.object({ year: z.number().int().min(2000).max(2100), month: z.number().int().min(1).max(12) }))
    .query(async ({ ctx, input }) => stats.monthlyRecordRows(ctx.db, await viewerOf(ctx.db, ctx.user), input)),
});
