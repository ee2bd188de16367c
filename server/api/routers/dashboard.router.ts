import { router, protectedProcedure } from "../trpc";
import { homeDashboard } from "../../domain/dashboard/dashboard.service";

// 工作台 (issue 9 §1): every signed-in user has one; what it holds is narrowed by role in the
// service (dashboardParts), so a staff member's carries no department-wide figure.
export const dashboardRouter = router({
  home: protectedProcedure.query(({ ctx }) => homeDashboard(ctx.db, ctx.user)),
});
