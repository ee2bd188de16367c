import { router } from "../../trpc";

export const certificatesRouter = router({});
