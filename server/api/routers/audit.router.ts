import { router, roleProcedure } from "../trpc";
import { ZListAudit } from "../../domain/audit/audit.schema";
import { auditFacets, listAudit } from "../../domain/audit/audit.service";
import { verifyAuditChain } from "../../domain/audit/verify-chain";
import { loadCheckpoints } from "../../domain/audit/checkpoint-store";

// 审计员 reads the log and changes nothing: every procedure here is a query.
const auditor = roleProcedure(["auditor"]);

export const auditRouter = router({
  list: auditor.input(ZListAudit).query(({ ctx, input }) => listAudit(ctx.db, input)),
  facets: auditor.query(({ ctx }) => auditFacets(ctx.db)),
  // The chain, and the signed checkpoints outside the database when a key is there (issue 16 #11).
  verifyChain: auditor.query(async ({ ctx }) => {
    const stored = loadCheckpoints();
    const r = await verifyAuditChain(ctx.db, { anchors: stored?.anchors ?? [] });
    const rejected = stored?.problems.length ?? 0;
    if (!r.ok) return { ok: false as const, checked: r.checked, brokenAt: r.brokenAt.toString(), reason: r.reason, rejectedCheckpoints: rejected };
    if (rejected > 0) return { ok: false as const, checked: r.checked, brokenAt: "-", reason: "checkpoint-file" as const, rejectedCheckpoints: rejected };
    return { ok: true as const, checked: r.checked, anchored: r.anchored };
  }),
});
