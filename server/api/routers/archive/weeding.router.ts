import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { ARCHIVE_KEEPERS, WEEDING_APPROVERS } from "../../../domain/archive/archive.policy";
import * as weeding from "../../../domain/archive/weeding.service";
import { ZApproveWeedingList, ZCreateWeedingList, ZListWeedingLists, ZRejectWeedingList, ZWeedingListId, ZWeedingProposals } from "../../../domain/archive/weeding.schema";

// 剔除/销毁 and 移出 (issue 4 item 8): the archivist draws up and carries out lists, the manager
// decides on destruction lists (002 §2). Both read the lists.
const keepers = roleProcedure(ARCHIVE_KEEPERS);
const approvers = roleProcedure(WEEDING_APPROVERS);
const readers = roleProcedure([...ARCHIVE_KEEPERS, ...WEEDING_APPROVERS]);

export const weedingRouter = router({
  proposals: keepers.input(ZWeedingProposals).query(({ ctx, input }) => weeding.listProposals(ctx.db, input)),
  lists: readers.input(ZListWeedingLists).query(({ ctx, input }) => weeding.listWeedingLists(ctx.db, input)),
  get: readers.input(ZWeedingListId).query(({ ctx, input }) => weeding.getWeedingList(ctx.db, input.listId)),
  create: keepers.input(ZCreateWeedingList).mutation(({ ctx, input }) => weeding.createWeedingList(ctx.db, actorOf(ctx), input)),
  submit: keepers.input(ZWeedingListId).mutation(({ ctx, input }) => weeding.submitWeedingList(ctx.db, actorOf(ctx), input.listId)),
  void: keepers.input(ZRejectWeedingList).mutation(({ ctx, input }) => weeding.voidWeedingList(ctx.db, actorOf(ctx), input)),
  execute: keepers.input(ZWeedingListId).mutation(({ ctx, input }) => weeding.executeTransferList(ctx.db, actorOf(ctx), input.listId)),
  approve: approvers.input(ZApproveWeedingList).mutation(({ ctx, input }) => weeding.approveWeedingList(ctx.db, actorOf(ctx), input)),
  reject: approvers.input(ZRejectWeedingList).mutation(({ ctx, input }) => weeding.rejectWeedingList(ctx.db, actorOf(ctx), input)),
});
