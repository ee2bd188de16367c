import { router, roleProcedure } from "../trpc";
import { ZListAudit } from "../../domain/audit/audit.schema";
import { auditFacets, listAudit } from "../../domain/audit/audit.service";
import { verifyAuditChain } from "../../domain/audit/verify-chain";

// 审计员 reads the log and changes nothing: every procedure here is a query.
const auditor = roleProcedure(["auditor"]);

export const auditRouter = router({
  list: auditor.input(ZListAudit).query(({ ctx, input }) => listAudit(ctx.db, input)),
  facets: auditor.query(({ ctx }) => auditFacets(ctx.db)),
  verifyChain: auditor.query(async ({ ctx }) => {
    const r = await verifyAuditChain(ctx.db);
    return r.ok ? r : { ...r, brokenAt: r.brokenAt.toString() };
  }),
});
