import { router, roleProcedure } from "../trpc";
import { ARCHIVE_STATS_READERS, LOAN_STATS_READERS } from "../../domain/statistics/statistics.policy";
import { ZStatsPeriod } from "../../domain/statistics/statistics.schema";
import { archiveStatistics, loanStatistics } from "../../domain/statistics/statistics.service";

// 借阅统计 and 档案完整率统计 (issue 9 §3); the exports in app/api/statistics/[kind]/export call
// these same procedures, so the role check and the validation are one.
export const statisticsRouter = router({
  loans: roleProcedure(LOAN_STATS_READERS).input(ZStatsPeriod).query(({ ctx, input }) => loanStatistics(ctx.db, input)),
  archive: roleProcedure(ARCHIVE_STATS_READERS).input(ZStatsPeriod).query(({ ctx, input }) => archiveStatistics(ctx.db, ctx.user.roles, input)),
});
