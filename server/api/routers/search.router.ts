import { router, roleProcedure } from "../trpc";
import { GLOBAL_SEARCHERS } from "../../domain/search/search.policy";
import { ZGlobalSearch } from "../../domain/search/search.schema";
import { globalSearch } from "../../domain/search/global-search.service";

// 全局搜索 in the header (issue 10 §2): grouped hits, each group only for that module's readers.
export const globalSearchRouter = router({
  query: roleProcedure(GLOBAL_SEARCHERS)
    .input(ZGlobalSearch)
    .query(({ ctx, input }) => globalSearch(ctx.db, ctx.user, input)),
});
