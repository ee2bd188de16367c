import { createCallerFactory, router } from "./trpc";
import { accountRouter } from "./routers/account.router";
import { adminRouter } from "./routers/admin.router";
import { auditRouter } from "./routers/audit.router";

export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
