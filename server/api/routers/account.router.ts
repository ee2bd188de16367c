import { router, protectedProcedure } from "../trpc";
import { actorOf } from "../context";
import { ZChangeOwnPassword } from "../../domain/accounts/accounts.schema";
import { changeOwnPassword } from "../../domain/accounts/accounts.service";

export const accountRouter = router({
  me: protectedProcedure.meta({ access: "signed-in", allowPendingPasswordChange: true }).query(({ ctx }) => ({
    id: ctx.user.id,
    loginName: ctx.user.loginName,
    name: ctx.user.name,
    roles: ctx.user.roles,
    mustChangePassword: ctx.user.mustChangePassword,
  })),

  changePassword: protectedProcedure
    .meta({ access: "signed-in", allowPendingPasswordChange: true })
    .input(ZChangeOwnPassword)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, actorOf(ctx), input, ctx.user.sessionId)),

  recentActivity: protectedProcedure.query(({ ctx }) =>
    ctx.db.auditLog.findMany({
      where: { actorId: ctx.user.id },
      orderBy: { id: "desc" },
      take: 10,
      select: { at: true, action: true, entity: true, entityId: true },
    }),
  ),
});
