import { createCallerFactory, router } from "./trpc";
import { accountRouter } from "./routers/account.router";
import { adminRouter } from "./routers/admin.router";
import { auditRouter } from "./routers/audit.router";
import { archiveRouter } from "./routers/archive.router";
import { notificationsRouter } from "./routers/notifications.router";
import { borrowingRouter } from "./routers/borrowing.router";
import { complaintsRouter } from "./routers/complaints.router";
import { printRouter } from "./routers/print.router";
import { appraisalRouter } from "./routers/appraisal.router";
import { labelsRouter } from "./routers/labels.router";
import { dashboardRouter } from "./routers/dashboard.router";
import { statisticsRouter } from "./routers/statistics.router";
import { calendarRouter } from "./routers/calendar.router";
import { unitsRouter } from "./routers/units.router";
import { globalSearchRouter } from "./routers/search.router";
import { contactsRouter } from "./routers/contacts.router";

export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  audit: auditRouter,
  archive: archiveRouter,
  notifications: notificationsRouter,
  borrowing: borrowingRouter,
  complaints: complaintsRouter,
  print: printRouter,
  appraisal: appraisalRouter,
  labels: labelsRouter,
  dashboard: dashboardRouter,
  statistics: statisticsRouter,
  calendar: calendarRouter,
  units: unitsRouter,
  search: globalSearchRouter,
  contacts: contactsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
