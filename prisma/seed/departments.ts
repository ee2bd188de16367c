// Organisation: group → city company → department (DOMAIN.md "Organisation").
import type { Tx } from "../../server/db/tx";

export type DepartmentSeed = { code: string; name: string; parentCode: string | null };

export const DEPARTMENTS: readonly DepartmentSeed[] = [
  { code: "HJ", name: "华景置业集团", parentCode: null },
  { code: "HJGZ", name: "华景置业（广州）有限公司", parentCode: "HJ" },
  // Internal control sits at group level, independent of the company it audits.
  { code: "NKB", name: "内控审计部", parentCode: "HJ" },
  { code: "KFB", name: "客户服务部", parentCode: "HJGZ" },
  { code: "GCB", name: "工程部", parentCode: "HJGZ" },
  { code: "WYB", name: "物业管理部", parentCode: "HJGZ" },
  { code: "CWB", name: "财务部", parentCode: "HJGZ" },
  { code: "XSB", name: "销售部", parentCode: "HJGZ" },
  { code: "XXB", name: "信息技术部", parentCode: "HJGZ" },
];

export type SeedResult = { created: number };

/** Creates the departments that do not exist yet (by code); existing rows are left untouched. */
export async function seedDepartments(tx: Tx): Promise<SeedResult & { idByCode: Map<string, string> }> {
  const idByCode = new Map<string, string>();
  let created = 0;
  // Parents first: insert level by level so every parentId is known when its children go in.
  let level = DEPARTMENTS.filter((d) => d.parentCode === null);
  while (level.length > 0) {
    const res = await tx.department.createMany({
      data: level.map((d) => ({ code: d.code, name: d.name, parentId: d.parentCode ? idByCode.get(d.parentCode)! : null })),
      skipDuplicates: true,
    });
    created += res.count;
    const rows = await tx.department.findMany({ where: { code: { in: level.map((d) => d.code) } }, select: { id: true, code: true } });
    for (const r of rows) idByCode.set(r.code, r.id);
    const codes = new Set(level.map((d) => d.code));
    level = DEPARTMENTS.filter((d) => d.parentCode !== null && codes.has(d.parentCode));
  }
  return { created, idByCode };
}
