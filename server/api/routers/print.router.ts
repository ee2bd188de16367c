import { router, roleProcedure } from "../trpc";
import { MODULES } from "../../auth/access";
import { printableForms, recentPrints } from "../../print/print-overview";

// 表单打印: what this person can print and what they printed. The PDFs themselves come from
// app/api/print/<form>/[id] (a file response, not a procedure), which checks each form's roles.
const printer = roleProcedure(MODULES.print.roles);

export const printRouter = router({
  forms: printer.query(({ ctx }) => printableForms(ctx.db, { id: ctx.user.id, name: ctx.user.name, roles: ctx.user.roles }, ctx.locale)),
  recent: printer.query(({ ctx }) => recentPrints(ctx.db, { id: ctx.user.id, name: ctx.user.name, roles: ctx.user.roles })),
});
