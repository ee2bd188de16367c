import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { COMPLAINT_SETTINGS_ADMINS } from "../../../domain/complaints/complaints.policy";
import * as settings from "../../../domain/complaints/settings.service";
import { ZCategoryCreate, ZCategoryUpdate, ZServiceSettings } from "../../../domain/complaints/complaints.schema";

// Reference data of 投诉与回访: categories, clock rules, repair thresholds and approvers (admin).
const admins = roleProcedure(COMPLAINT_SETTINGS_ADMINS);

export const complaintSettingsRouter = router({
  get: admins.query(({ ctx }) => settings.getSettingsForm(ctx.db)),
  update: admins.input(ZServiceSettings).mutation(({ ctx, input }) => settings.updateSettings(ctx.db, actorOf(ctx), input)),
  categories: admins.query(({ ctx }) => settings.listCategories(ctx.db)),
  createCategory: admins.input(ZCategoryCreate).mutation(({ ctx, input }) => settings.createCategory(ctx.db, actorOf(ctx), input)),
  updateCategory: admins.input(ZCategoryUpdate).mutation(({ ctx, input }) => settings.updateCategory(ctx.db, actorOf(ctx), input)),
});
