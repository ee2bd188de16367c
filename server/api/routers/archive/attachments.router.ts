import { router, roleProcedure } from "../../trpc";
import { actorOf } from "../../context";
import { ARCHIVE_KEEPERS, ARCHIVE_READERS } from "../../../domain/archive/archive.policy";
import { ZAttachmentsOfRecord, listAttachments, verifyAttachments } from "../../../domain/archive/attachments.service";

// 档案附件. Uploads and downloads are HTTP route handlers (multipart in, file streams out:
// app/api/archive/attachments/**); listing and checksum verification are procedures.
export const attachmentsRouter = router({
  list: roleProcedure(ARCHIVE_READERS)
    .input(ZAttachmentsOfRecord)
    .query(({ ctx, input }) => listAttachments(ctx.db, ctx.user.roles, input.recordId)),
  verify: roleProcedure(ARCHIVE_KEEPERS)
    .input(ZAttachmentsOfRecord)
    .mutation(({ ctx, input }) => verifyAttachments(ctx.db, actorOf(ctx), ctx.user.roles, input.recordId)),
});
