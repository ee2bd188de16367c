import { router } from "../../trpc";

export const requestsRouter = router({});
