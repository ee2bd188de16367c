import { router } from "../trpc";
import { complaintProcedures } from "./complaints/complaints.router";
import { repairsRouter } from "./complaints/repairs.router";
import { complaintSettingsRouter } from "./complaints/settings.router";
import { complaintStatsRouter } from "./complaints/stats.router";

// 投诉、回访与报修 (issue 6): complaints at the top, repair orders, settings and statistics below.
export const complaintsRouter = router({
  ...complaintProcedures,
  repairs: repairsRouter,
  settings: complaintSettingsRouter,
  stats: complaintStatsRouter,
});
