// The default archive classes of DOMAIN §1 with their retention and the client-file checklists
// of 004 第七条 (individual and company buyers, and the conditional items).
import type { Tx } from "../../server/db/tx";
import type { ChecklistCondition } from "../../server/db/generated/client";

type ItemSeed = { name: string; requiredCount: number; condition?: ChecklistCondition };
export type ArchiveClassSeed = { code: string; name: string; retentionYears: number | null; isClientFile: boolean; checklist?: readonly ItemSeed[] };

const CLIENT_FILE: readonly ItemSeed[] = [
  { name: "认购书", requiredCount: 1, condition: "individual" },
  { name: "商品房买卖合同（正、副本，备案）", requiredCount: 2 },
  { name: "按揭合同", requiredCount: 1, condition: "individual" },
  { name: "补充协议", requiredCount: 1, condition: "individual" },
  { name: "优惠申请表", requiredCount: 1, condition: "individual" },
  { name: "身份证复印件", requiredCount: 1, condition: "individual" },
  { name: "收据复印件", requiredCount: 1, condition: "individual" },
  { name: "发票复印件", requiredCount: 1 },
  { name: "暂住证复印件", requiredCount: 1, condition: "out_of_town" },
  { name: "监护人公证书", requiredCount: 1, condition: "minor" },
  { name: "房产共有协议", requiredCount: 1, condition: "co_owner" },
  { name: "签约变更申请单", requiredCount: 1, condition: "contract_changed" },
  { name: "营业执照副本复印件", requiredCount: 3, condition: "company" },
  { name: "组织机构代码证复印件", requiredCount: 3, condition: "company" },
  { name: "税务登记证复印件", requiredCount: 3, condition: "company" },
  { name: "法人身份证明", requiredCount: 3, condition: "company" },
  { name: "法人身份证复印件", requiredCount: 3, condition: "company" },
  { name: "授权委托书", requiredCount: 3, condition: "company" },
  { name: "委托人身份证复印件", requiredCount: 3, condition: "company" },
];

export const ARCHIVE_CLASSES: readonly ArchiveClassSeed[] = [
  { code: "KH", name: "客户信息档案", retentionYears: null, isClientFile: true, checklist: CLIENT_FILE },
  {
    code: "RZ",
    name: "客户入住档案",
    retentionYears: 30,
    isClientFile: true,
    checklist: [
      { name: "入住通知书", requiredCount: 1 },
      { name: "入住手续书", requiredCount: 1 },
      { name: "验房单", requiredCount: 1 },
    ],
  },
  {
    code: "CQ",
    name: "客户产权档案",
    retentionYears: null,
    isClientFile: true,
    checklist: [
      { name: "产权证复印件", requiredCount: 1 },
      { name: "契税缴纳收据", requiredCount: 1 },
      { name: "公共维修基金缴纳收据", requiredCount: 1 },
      { name: "产权领取确认单", requiredCount: 1 },
    ],
  },
  { code: "TS", name: "客户投诉/报修档案", retentionYears: 10, isClientFile: false },
  { code: "GC", name: "工程档案", retentionYears: 30, isClientFile: false },
  { code: "NB", name: "部门内部档案", retentionYears: 10, isClientFile: false },
  { code: "HT", name: "对外合同合约", retentionYears: 30, isClientFile: false },
  { code: "XC", name: "宣传资料", retentionYears: 10, isClientFile: false },
  { code: "FG", name: "房地产政策法规", retentionYears: 10, isClientFile: false },
];

/** Creates missing classes and checklist items; existing ones (perhaps edited by an admin) stay. */
export async function seedArchiveClasses(tx: Tx): Promise<{ created: number }> {
  let created = 0;
  for (const [i, c] of ARCHIVE_CLASSES.entries()) {
    let cls = await tx.archiveClass.findUnique({ where: { code: c.code }, select: { id: true } });
    if (!cls) {
      cls = await tx.archiveClass.create({
        data: { code: c.code, name: c.name, retentionYears: c.retentionYears, isClientFile: c.isClientFile, sortOrder: i + 1 },
        select: { id: true },
      });
      created++;
    }
    for (const [j, item] of (c.checklist ?? []).entries()) {
      const exists = await tx.checklistItem.findUnique({ where: { classId_name: { classId: cls.id, name: item.name } }, select: { id: true } });
      if (exists) continue;
      await tx.checklistItem.create({
        data: { classId: cls.id, name: item.name, requiredCount: item.requiredCount, condition: item.condition ?? null, sortOrder: j + 1 },
      });
      created++;
    }
  }
  return { created };
}
