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
  contacts: contactsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
