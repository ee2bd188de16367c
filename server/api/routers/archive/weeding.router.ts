import { router } from "../../trpc";

export const weedingRouter = router({});
