import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { ARCHIVE_READERS, PII_REVEALERS } from "../../../domain/archive/archive.policy";
import { ZBuildingSearch, ZFilterOptions, ZRevealClient, ZSearchRecords } from "../../../domain/archive/search.schema";
import { searchBuildings, searchFilterOptions, searchRecords } from "../../../domain/archive/search.service";
import { revealClient } from "../../../domain/archive/reveal.service";

// 档案检索 and 查看完整个人信息 (issue 4 items 6 and 7).
export const searchRouter = router({
  records: roleProcedure(ARCHIVE_READERS)
    .input(ZSearchRecords)
    .query(({ ctx, input }) => searchRecords(ctx.db, ctx.user.roles, input)),
  filterOptions: roleProcedure(ARCHIVE_READERS)
    .input(ZFilterOptions)
    .query(({ ctx, input }) => searchFilterOptions(ctx.db, input)),
  buildings: roleProcedure(ARCHIVE_READERS)
    .input(ZBuildingSearch)
    .query(({ ctx, input }) => searchBuildings(ctx.db, input)),
  revealClient: roleProcedure(PII_REVEALERS)
    .input(ZRevealClient)
    .mutation(({ ctx, input }) => revealClient(ctx.db, actorOf(ctx), input)),
});
