import { z } from "zod";
import { protectedProcedure, router } from "../trpc";
import { ZListNotifications, ZMarkAllRead, ZMarkRead } from "../../domain/notifications/notifications.schema";
import * as notifications from "../../domain/notifications/notifications.service";

// Everyone signed in has an inbox and sees only their own notices.
export const notificationsRouter = router({
  list: protectedProcedure.input(ZListNotifications).query(({ ctx, input }) => notifications.listNotifications(ctx.db, ctx.user.id, input)),
  unreadCount: protectedProcedure.input(z.object({}).optional()).query(({ ctx }) => notifications.countUnread(ctx.db, ctx.user.id)),
  markRead: protectedProcedure.input(ZMarkRead).mutation(({ ctx, input }) => notifications.markRead(ctx.db, ctx.user.id, input.ids)),
  markAllRead: protectedProcedure.input(ZMarkAllRead).mutation(({ ctx, input }) => notifications.markAllRead(ctx.db, ctx.user.id, input.seenAt)),
});
