import { router } from "../trpc";
import { recordsRouter } from "./archive/records.router";
import { searchRouter } from "./archive/search.router";
import { handoverRouter } from "./archive/handover.router";
import { attachmentsRouter } from "./archive/attachments.router";
import { weedingRouter } from "./archive/weeding.router";

// 档案管理, one router in five files: records and classes, search, hand-over (移交),
// attachments (scans), weeding (剔除/销毁) and transfer (移出).
export const archiveRouter = router({
  records: recordsRouter,
  search: searchRouter,
  handover: handoverRouter,
  attachments: attachmentsRouter,
  weeding: weedingRouter,
});
