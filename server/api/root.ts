import { createCallerFactory, router } from "./trpc";
import { accountRouter } from "./routers/account.router";
import { adminRouter } from "./routers/admin.router";
import { auditRouter } from "./routers/audit.router";
import { archiveRouter } from "./routers/archive.router";
import { notificationsRouter } from "./routers/notifications.router";
import { appraisalRouter } from "./routers/appraisal.router";

export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  audit: auditRouter,
  archive: archiveRouter,
  notifications: notificationsRouter,
  appraisal: appraisalRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
