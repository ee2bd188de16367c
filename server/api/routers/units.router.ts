import { router, roleProcedure } from "../trpc";
import { UNIT_READERS } from "../../domain/units/units.policy";
import { ZBrowseUnits, ZUnitId } from "../../domain/units/units.schema";
import { getUnitPage } from "../../domain/units/unit-page.service";
import { browseUnits } from "../../domain/units/browse.service";

// 一户一档 (issue 10 §1): the unit page and the project → building → unit browser. Each section
// of the page is narrowed to the viewer's module rights inside the service.
export const unitsRouter = router({
  get: roleProcedure(UNIT_READERS)
    .input(ZUnitId)
    .query(({ ctx, input }) => getUnitPage(ctx.db, ctx.user, input.unitId)),
  browse: roleProcedure(UNIT_READERS)
    .input(ZBrowseUnits)
    .query(({ ctx, input }) => browseUnits(ctx.db, input)),
});
