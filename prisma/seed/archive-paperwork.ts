// Paperwork to print (issue 8): a checked 移交清单 long enough to run over two A4 pages, a short
// batch still being checked, and a destruction list the manager approved (two 宣传资料 files past
// retention, now 已销毁). Idempotent: each is recognised by its note / reason.
import type { Tx } from "../../server/db/tx";
import { shanghaiDay } from "../../server/domain/time";

export const DEMO_HANDOVER_NOTES = { long: "演示：2026 年第一批交付客户资料", short: "演示：补交资料" } as const;
export const DEMO_WEEDING_REASON = "演示：2012—2014 年宣传资料保管期满，经鉴定无继续保存价值";
const DOCUMENTS: [string, number][] = [
  ["认购书", 1],
  ["商品房买卖合同（正、副本，备案）", 2],
  ["身份证复印件", 1],
];

async function nextNo(tx: Tx, table: "HandoverBatch" | "WeedingList", column: "batchNo" | "listNo", prefix: string, width: number) {
  const rows = await tx.$queryRawUnsafe<{ last: number | null }[]>(
    `SELECT max(split_part("${column}", '-', 3)::int) AS "last" FROM "${table}" WHERE "${column}" LIKE $1`,
    `${prefix}%`,
  );
  return `${prefix}${String((rows[0]?.last ?? 0) + 1).padStart(width, "0")}`;
}

export async function seedArchivePaperwork(tx: Tx): Promise<{ created: number }> {
  const [archivist, manager, kh, project] = await Promise.all([
    tx.user.findUnique({ where: { loginName: "archivist" }, select: { id: true } }),
    tx.user.findUnique({ where: { loginName: "manager" }, select: { id: true } }),
    tx.archiveClass.findUnique({ where: { code: "KH" }, select: { id: true } }),
    tx.project.findUnique({ where: { code: "HJY" }, select: { id: true } }),
  ]);
  if (!archivist || !manager || !kh || !project) return { created: 0 };
  const year = shanghaiDay(new Date()).slice(0, 4);
  let created = 0;

  const owned = await tx.unit.findMany({
    where: { building: { projectId: project.id }, owners: { some: {} } },
    orderBy: [{ building: { sortOrder: "asc" } }, { number: "asc" }],
    select: { id: true, owners: { select: { clientId: true, client: { select: { name: true } } }, take: 1 } },
  });
  for (const [which, units] of [
    ["long", owned.slice(0, 15)],
    ["short", owned.slice(15, 17)],
  ] as const) {
    const note = DEMO_HANDOVER_NOTES[which];
    if (units.length === 0 || (await tx.handoverBatch.findFirst({ where: { note }, select: { id: true } }))) continue;
    const batchNo = await nextNo(tx, "HandoverBatch", "batchNo", `YJ-${year}-`, 4);
    const batch = await tx.handoverBatch.create({ data: { batchNo, fromDept: "营销部", projectId: project.id, classId: kh.id, note, createdById: archivist.id }, select: { id: true } });
    const lines = units.flatMap((u) => DOCUMENTS.map(([doc, n]) => ({ u, doc, n })));
    await tx.handoverItem.createMany({
      data: lines.map(({ u, doc, n }, k) => {
        const owner = u.owners[0]!;
        // The long batch is fully checked, with a few lines missing or wrong; the short one is not.
        const check = which === "short" ? "pending" : k % 9 === 4 ? "missing" : k % 11 === 7 ? "wrong" : "received";
        return {
          batchId: batch.id,
          lineNo: k + 1,
          unitId: u.id,
          clientName: owner.client.name,
          clientId: owner.clientId,
          documentName: doc,
          expectedCount: n,
          check,
          receivedCount: check === "pending" ? null : check === "missing" ? 0 : check === "wrong" ? Math.max(1, n - 1) : n,
          remark: check === "missing" ? "营销部未提供，待补交" : check === "wrong" ? "复印件不清晰，需重新复印" : null,
          checkedById: check === "pending" ? null : archivist.id,
          checkedAt: check === "pending" ? null : new Date(),
        };
      }),
    });
    created++;
  }

  if (!(await tx.weedingList.findFirst({ where: { reason: DEMO_WEEDING_REASON }, select: { id: true } }))) {
    const records = await tx.archiveRecord.findMany({
      where: { title: { in: ["华景园2012年楼书", "锦湖湾2014年宣传折页"] }, status: "in_store" },
      select: { id: true },
    });
    if (records.length > 0) {
      const listNo = await nextNo(tx, "WeedingList", "listNo", `XH-${year}-`, 3);
      const now = new Date();
      await tx.weedingList.create({
        data: {
          listNo,
          kind: "destroy",
          reason: DEMO_WEEDING_REASON,
          status: "approved",
          createdById: archivist.id,
          submittedAt: now,
          decidedById: manager.id,
          decidedAt: now,
          decisionComment: "同意销毁，由档案管理员会同监销人执行。",
          items: { create: records.map((r) => ({ recordId: r.id })) },
        },
      });
      await tx.archiveRecord.updateMany({ where: { id: { in: records.map((r) => r.id) } }, data: { status: "destroyed" } });
      created++;
    }
  }
  return { created };
}
