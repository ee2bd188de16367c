import { router, roleProcedure } from "../../trpc";
import { COMPLAINT_STATS_READERS } from "../../../domain/complaints/complaints.policy";
import { complaintStats } from "../../../domain/complaints/stats.service";
import { ZStatsRange } from "../../../domain/complaints/complaints.schema";

// 投诉统计 (issue 6 item 6): the supervisor and the manager; exports go through
// app/api/complaints/stats/export with the same role check.
export const complaintStatsRouter = router({
  summary: roleProcedure(COMPLAINT_STATS_READERS).input(ZStatsRange).query(({ ctx, input }) => complaintStats(ctx.db, input)),
});
