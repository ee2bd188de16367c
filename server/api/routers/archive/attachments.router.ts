import { router } from "../../trpc";

export const attachmentsRouter = router({});
