import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { TEMPLATE_EDITORS, TEMPLATE_READERS } from "../../../domain/appraisal/appraisal.policy";
import * as templates from "../../../domain/appraisal/templates.service";
import { ZTemplateId, ZTemplateSave } from "../../../domain/appraisal/appraisal.schema";

// 考核标准 (issue 7 §1): the admin writes new versions; scorers read them.
export const templatesRouter = router({
  list: roleProcedure(TEMPLATE_READERS).query(({ ctx }) => templates.listTemplates(ctx.db)),
  get: roleProcedure(TEMPLATE_READERS).input(ZTemplateId).query(({ ctx, input }) => templates.getTemplate(ctx.db, input.templateId)),
  save: roleProcedure(TEMPLATE_EDITORS).input(ZTemplateSave).mutation(({ ctx, input }) => templates.saveTemplate(ctx.db, actorOf(ctx), input)),
});
