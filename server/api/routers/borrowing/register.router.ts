import { router, roleProcedure } from "../../trpc";
import { REGISTER_READERS } from "../../../domain/borrowing/borrow.policy";
import { listRegister } from "../../../domain/borrowing/register.service";
import { ZRegisterList } from "../../../domain/borrowing/register.schema";

// 借阅登记表 (issue 5 item 6). The exports are files, so they are a route of their own:
// app/api/borrowing/register/export/route.ts (same roles, same filters, audited).
const readers = roleProcedure(REGISTER_READERS);

export const registerRouter = router({
  list: readers.input(ZRegisterList).query(({ ctx, input }) => listRegister(ctx.db, ctx.user.roles, input)),
});
