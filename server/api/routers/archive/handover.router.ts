import { router } from "../../trpc";

export const handoverRouter = router({});
