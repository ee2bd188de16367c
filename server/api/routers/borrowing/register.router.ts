import { router } from "../../trpc";

export const registerRouter = router({});
