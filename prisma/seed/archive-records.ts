// ~40 demo archive records: client files (客户信息档案) for the owned units of 华景园 and 锦湖湾,
// some complete and some not (no 身份证复印件, a contract copy short, a co-owned unit without its
// 房产共有协议, a company buyer short of licence copies), move-in and title files, two 机密 files,
// and 部门内部档案 / 宣传资料 formed 2012–2015 with 10-year retention — past retention now, so
// the weeding list has something to propose. Idempotent: a record with the same class and title
// is not created again.
import type { Tx } from "../../server/db/tx";
import type { ChecklistCondition, Confidentiality } from "../../server/db/generated/client";
import { SYSTEM_ACTOR, type Actor } from "../../server/domain/audit/audit-log";
import { insertArchiveRecord } from "../../server/domain/archive/record-insert";
import { applicableItems } from "../../server/domain/archive/completeness";
import { dayOf } from "../../server/domain/archive/retention";

type Plain = { classCode: string; title: string; formedOn: string; confidentiality?: Confidentiality; parties?: string; location: [string, string, string]; paper?: [string, number][] };

const PLAIN: readonly Plain[] = [
  { classCode: "NB", title: "2012年客服部工作总结", formedOn: "2012-12-28", parties: "客服部", location: ["柜C", "1层", "01盒"], paper: [["工作总结", 1]] },
  { classCode: "NB", title: "2013年第一季度部门会议记录", formedOn: "2013-03-29", parties: "客服部", location: ["柜C", "1层", "02盒"], paper: [["会议记录", 12]] },
  { classCode: "NB", title: "2013年情况说明（华景园停车位纠纷）", formedOn: "2013-08-15", parties: "客服部、物业公司", location: ["柜C", "1层", "02盒"], paper: [["情况说明", 1]] },
  { classCode: "NB", title: "2014年物业往来函", formedOn: "2014-06-30", parties: "物业公司", location: ["柜C", "1层", "03盒"], paper: [["往来函", 23]] },
  { classCode: "NB", title: "2015年周工作计划汇编", formedOn: "2015-12-31", parties: "客服部", location: ["柜C", "1层", "04盒"], paper: [["周计划", 52]] },
  { classCode: "XC", title: "华景园2012年楼书", formedOn: "2012-05-01", parties: "营销部", location: ["柜D", "2层", "01盒"], paper: [["楼书", 3]] },
  { classCode: "XC", title: "锦湖湾2014年宣传折页", formedOn: "2014-09-20", parties: "营销部", location: ["柜D", "2层", "02盒"], paper: [["宣传折页", 5]] },
  { classCode: "XC", title: "2015年开盘宣传海报", formedOn: "2015-04-18", parties: "营销部", location: ["柜D", "2层", "03盒"], paper: [["海报", 2]] },
  { classCode: "NB", title: "2024年重大投诉事件情况说明", formedOn: "2024-07-12", confidentiality: "secret", parties: "客服部、公司领导", location: ["柜E", "1层", "01盒"], paper: [["情况说明", 1], ["领导批示", 1]] },
  { classCode: "HT", title: "华景园物业服务合同", formedOn: "2019-01-10", confidentiality: "secret", parties: "开发公司、物业公司", location: ["柜E", "1层", "02盒"], paper: [["合同正本", 2]] },
  { classCode: "GC", title: "2023年1栋外墙应急维修理赔资料", formedOn: "2023-05-06", parties: "工程部", location: ["柜B", "1层", "01盒"], paper: [["应急维修单", 1], ["理赔单", 1]] },
  { classCode: "TS", title: "2025年投诉处理单汇编", formedOn: "2025-12-31", parties: "客服部", location: ["柜B", "2层", "01盒"], paper: [["投诉处理单", 86]] },
  { classCode: "FG", title: "广州市商品房预售管理实施办法", formedOn: "2020-03-01", confidentiality: "public", parties: "广州市住房和城乡建设局", location: ["柜D", "3层", "01盒"], paper: [["文件", 1]] },
];

/** How complete the i-th demo client file is: a fixed pattern, so reruns and tests can rely on it. */
function clientPaper(checklist: { name: string; requiredCount: number; condition: ChecklistCondition | null }[], kind: "individual" | "company", flags: ChecklistCondition[], i: number): [string, number][] {
  const items = applicableItems(checklist, kind, flags).map((c) => [c.name, c.requiredCount] as [string, number]);
  const pattern = i % 4;
  return items.flatMap(([name, n]): [string, number][] => {
    if (pattern === 1 && name === "身份证复印件") return []; // missing
    if (pattern === 2 && name.startsWith("商品房买卖合同")) return [[name, n - 1]]; // short
    if (pattern === 2 && name === "发票复印件") return [[name, 0]]; // listed, none received
    if (kind === "company" && pattern !== 0 && name === "营业执照副本复印件") return [[name, 2]]; // short of 3
    if (flags.includes("co_owner") && name === "房产共有协议" && i % 2 === 1) return []; // co-owners without their agreement
    return [[name, n]];
  });
}

export async function seedArchiveRecords(tx: Tx): Promise<{ created: number }> {
  const classes = new Map(
    (await tx.archiveClass.findMany({ select: { id: true, code: true, checklist: { where: { isActive: true }, select: { name: true, requiredCount: true, condition: true } } } })).map((c) => [c.code, c]),
  );
  const kh = classes.get("KH");
  if (!kh) return { created: 0 };
  const archivist = await tx.user.findUnique({ where: { loginName: "archivist" }, select: { id: true, displayName: true } });
  const actor: Actor = archivist ? { id: archivist.id, name: archivist.displayName } : SYSTEM_ACTOR;
  const existing = new Set((await tx.archiveRecord.findMany({ select: { classId: true, title: true } })).map((r) => `${r.classId}|${r.title}`));
  let created = 0;
  const add = async (classCode: string, title: string, input: Omit<Parameters<typeof insertArchiveRecord>[2], "classId" | "title">) => {
    const cls = classes.get(classCode);
    if (!cls || existing.has(`${cls.id}|${title}`)) return;
    await insertArchiveRecord(tx, actor, { classId: cls.id, title, ...input });
    existing.add(`${cls.id}|${title}`);
    created++;
  };

  // Client files: every owned unit of 华景园, then 锦湖湾, in shelving order (at most 26).
  const owned = await tx.unit.findMany({
    where: { owners: { some: {} }, building: { project: { code: { in: ["HJY", "JHW"] } } } },
    orderBy: [{ building: { project: { code: "asc" } } }, { building: { sortOrder: "asc" } }, { floor: "asc" }, { number: "asc" }],
    take: 26,
    select: {
      id: true,
      number: true,
      building: { select: { name: true, sortOrder: true, project: { select: { name: true } } } },
      owners: { orderBy: [{ since: "asc" }, { clientId: "asc" }], select: { relation: true, since: true, client: { select: { id: true, name: true, kind: true } } } },
    },
  });
  for (const [i, u] of owned.entries()) {
    const owner = u.owners[0]!;
    const flags: ChecklistCondition[] = u.owners.length > 1 || owner.relation === "co-owner" ? ["co_owner"] : [];
    const paper = clientPaper(kh.checklist, owner.client.kind, flags, i);
    await add("KH", `${u.building.project.name}${u.building.name}${u.number} ${owner.client.name} 客户信息档案`, {
      formedOn: dayOf(owner.since),
      confidentiality: "internal",
      unitId: u.id,
      clientId: owner.client.id,
      parties: `${owner.client.name}、营销部`,
      conditions: flags,
      cabinet: "柜A",
      shelf: `${u.building.sortOrder}层`,
      box: `${String(i + 1).padStart(2, "0")}盒`,
      paperItems: paper.map(([name, count]) => ({ name, count })),
    });
    // A few move-in (入住) files: the first four, one without its 验房单.
    if (i < 4) {
      await add("RZ", `${u.building.project.name}${u.building.name}${u.number} ${owner.client.name} 入住档案`, {
        formedOn: dayOf(new Date(owner.since.getTime() + 400 * 86_400_000)),
        confidentiality: "internal",
        unitId: u.id,
        clientId: owner.client.id,
        cabinet: "柜A",
        shelf: "5层",
        box: `${String(i + 1).padStart(2, "0")}盒`,
        paperItems: [
          { name: "入住通知书", count: 1 },
          { name: "入住手续书", count: 1 },
          ...(i === 1 ? [] : [{ name: "验房单", count: 1 }]),
        ],
      });
    }
  }

  for (const p of PLAIN) {
    await add(p.classCode, p.title, {
      formedOn: p.formedOn,
      confidentiality: p.confidentiality ?? "internal",
      parties: p.parties,
      cabinet: p.location[0],
      shelf: p.location[1],
      box: p.location[2],
      paperItems: (p.paper ?? []).map(([name, count]) => ({ name, count })),
    });
  }
  return { created };
}
