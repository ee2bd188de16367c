import { router, roleProcedure } from "../trpc";
import { actorOf } from "../context";
import * as calendar from "../../domain/calendar/calendar.service";
import * as ladders from "../../domain/calendar/ladder.service";
import { CALENDAR_ADMINS, CALENDAR_READERS } from "../../domain/calendar/calendar.policy";
import { ZCalendarDayInput, ZCalendarDayRef, ZCalendarImport, ZCalendarYear, ZLadderUpdate } from "../../domain/calendar/calendar.schema";

// 工作日历 and 逾期升级: reference data kept by the admin (audited); the auditor may read it.
const admin = roleProcedure(CALENDAR_ADMINS);
const reader = roleProcedure(CALENDAR_READERS);

export const calendarRouter = router({
  year: reader.input(ZCalendarYear).query(({ ctx, input }) => calendar.listYear(ctx.db, input)),
  setDay: admin.input(ZCalendarDayInput).mutation(({ ctx, input }) => calendar.setDay(ctx.db, actorOf(ctx), input)),
  removeDay: admin.input(ZCalendarDayRef).mutation(({ ctx, input }) => calendar.removeDay(ctx.db, actorOf(ctx), input)),
  importDays: admin.input(ZCalendarImport).mutation(({ ctx, input }) => calendar.importDays(ctx.db, actorOf(ctx), input)),
  ladders: reader.query(({ ctx }) => ladders.readLadders(ctx.db)),
  updateLadder: admin.input(ZLadderUpdate).mutation(({ ctx, input }) => ladders.updateLadder(ctx.db, actorOf(ctx), input)),
});
