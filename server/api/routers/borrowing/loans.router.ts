import { router } from "../../trpc";

export const loansRouter = router({});
