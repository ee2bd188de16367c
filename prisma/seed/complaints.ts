// 投诉与回访 demo data: the default categories, the clock rules with the repair approvers
// (吴振华 工程部经理, 郑国栋 总经理), and a dozen complaints in every state — one whose reply and
// progress clocks ran out (the overdue list), a major one, one resolved awaiting its callback,
// closed ones with callbacks — plus repair orders, one of 6800 元 waiting for its approvals.
// Idempotent: categories by code, settings once, complaints only into an empty table.
import type { Tx } from "../../server/db/tx";
import type { ComplaintChannel, ComplaintSeverity, Satisfaction } from "../../server/db/generated/client";
import { SYSTEM_ACTOR, writeAudit } from "../../server/domain/audit/audit-log";
import { DEFAULT_RULES, callbackDue, progressDue, replyDeadline } from "../../server/domain/complaints/clocks";
import { allocateServiceSeq, formatServiceNo } from "../../server/domain/complaints/numbering";
import { shanghaiDay } from "../../server/domain/time";

export const COMPLAINT_CATEGORIES = [
  { code: "GCZL", name: "工程质量", sortOrder: 1 },
  { code: "WYFW", name: "物业服务", sortOrder: 2 },
  { code: "HTCQ", name: "合同/产权", sortOrder: 3 },
  { code: "XS", name: "销售", sortOrder: 4 },
  { code: "QT", name: "其他", sortOrder: 9 },
] as const;

const HOUR = 3600_000;

type Demo = {
  ago: number; // hours before now it was received
  channel: ComplaintChannel;
  category: (typeof COMPLAINT_CATEGORIES)[number]["code"];
  severity?: ComplaintSeverity;
  name: string;
  phone: string;
  content: string;
  receiver: string;
  assignee?: string;
  dept?: string;
  /** what happened, hours after receipt */
  progressAfter?: number;
  resolvedAfter?: number;
  resolution?: string;
  callback?: { after: number; satisfaction: Satisfaction; by: string; remarks: string };
  closed?: boolean;
};

const DEMOS: readonly Demo[] = [
  { ago: 78, channel: "phone", category: "GCZL", name: "陈美玲", phone: "13926541187", content: "3栋1202 主卧窗台渗水，墙纸发霉，要求尽快维修", receiver: "staff" },
  { ago: 2.5, channel: "visit", category: "WYFW", name: "林志明", phone: "13580026634", content: "地下车库照明多处不亮，夜间出入不安全", receiver: "staff", assignee: "huang.wei", progressAfter: 1 },
  { ago: 5, channel: "phone", category: "GCZL", severity: "major", name: "华景园2栋业主代表", phone: "13712009988", content: "2栋外墙瓷砖脱落砸中车辆，多户业主联名要求全面排查", receiver: "staff2", assignee: "supervisor", progressAfter: 1 },
  { ago: 30, channel: "online", category: "HTCQ", name: "黄晓东", phone: "15813372200", content: "产权证办理进度查询，已超过合同约定时间", receiver: "staff", dept: "CWB", progressAfter: 3, resolvedAfter: 20, resolution: "已核实房管局受理进度，预计本月底发证，已电话告知业主" },
  { ago: 150, channel: "letter", category: "XS", name: "周静", phone: "13609871234", content: "来函反映销售承诺的赠送面积与合同不符", receiver: "liu.fang", assignee: "staff2", progressAfter: 2, resolvedAfter: 40, resolution: "调取认购书及宣传资料核对，向业主书面解释", callback: { after: 60, satisfaction: "satisfied", by: "staff", remarks: "业主接受解释" }, closed: true },
  { ago: 240, channel: "phone", category: "WYFW", name: "吴海燕", phone: "13760012345", content: "楼上装修噪音超时施工", receiver: "staff2", progressAfter: 1, resolvedAfter: 3, resolution: "物业已约谈装修户，限定施工时间", callback: { after: 30, satisfaction: "very_satisfied", by: "staff2", remarks: "噪音问题已解决" }, closed: true },
  { ago: 400, channel: "visit", category: "GCZL", name: "郭伟", phone: "13826619870", content: "入户门变形关不严", receiver: "staff", assignee: "huang.wei", progressAfter: 2, resolvedAfter: 48, resolution: "工程部更换门扇", callback: { after: 100, satisfaction: "neutral", by: "staff", remarks: "维修时间偏长" }, closed: true },
  { ago: 600, channel: "phone", category: "QT", name: "马丽", phone: "13500981276", content: "小区快递柜位置不便", receiver: "huang.wei", progressAfter: 2, resolvedAfter: 20, resolution: "与物业协商增设一组快递柜", callback: { after: 50, satisfaction: "satisfied", by: "huang.wei", remarks: "满意" } },
];

/** The departments' ids and the demo users' ids by login. */
async function lookups(tx: Tx) {
  const users = await tx.user.findMany({ select: { id: true, loginName: true, displayName: true } });
  const depts = await tx.department.findMany({ select: { id: true, code: true } });
  return { user: new Map(users.map((u) => [u.loginName, u])), dept: new Map(depts.map((d) => [d.code, d.id])) };
}

export async function seedComplaints(tx: Tx, now = new Date()): Promise<{ created: number }> {
  let created = (await tx.complaintCategory.createMany({ data: [...COMPLAINT_CATEGORIES], skipDuplicates: true })).count;
  const { user, dept } = await lookups(tx);
  if (!(await tx.serviceSettings.findUnique({ where: { id: 1 } }))) {
    await tx.serviceSettings.create({ data: { id: 1, engineeringApproverId: user.get("gcb.manager")?.id ?? null, generalApproverId: user.get("gm")?.id ?? null } });
    created++;
  }
  if ((await tx.complaint.count()) > 0) return { created };

  const categories = new Map((await tx.complaintCategory.findMany({ select: { id: true, code: true, name: true } })).map((c) => [c.code, c]));
  const rules = DEFAULT_RULES;
  const at = (d: Demo, hours: number) => new Date(now.getTime() - d.ago * HOUR + hours * HOUR);
  const ids: string[] = [];
  for (const d of [...DEMOS].sort((a, b) => b.ago - a.ago)) {
    const receiver = user.get(d.receiver)!;
    const assignee = d.assignee ? user.get(d.assignee)! : null;
    const receivedAt = at(d, 0);
    const year = Number(shanghaiDay(receivedAt).slice(0, 4));
    const seq = await allocateServiceSeq(tx, "TS", year);
    const complaintNo = formatServiceNo("TS", year, seq);
    const progressAt = d.progressAfter !== undefined ? at(d, d.progressAfter) : null;
    const resolvedAt = d.resolvedAfter !== undefined ? at(d, d.resolvedAfter) : null;
    const calledAt = d.callback ? at(d, d.callback.after) : null;
    const status = d.closed ? "closed" : calledAt ? "called_back" : resolvedAt ? "resolved" : progressAt || assignee || d.dept ? "in_progress" : "received";
    const lastProgressAt = progressAt ?? receivedAt;
    const cat = categories.get(d.category)!;
    const events: { kind: string; at: Date; note: string; by: string; to: string }[] = [{ kind: "intake", at: receivedAt, note: d.content, by: receiver.displayName, to: "received" }];
    if (assignee || d.dept) events.push({ kind: "assign", at: at(d, 0.3), note: assignee ? `请${assignee.displayName}跟进处理` : "转交相关部门处理", by: "李志强", to: "in_progress" });
    if (progressAt) events.push({ kind: "progress", at: progressAt, note: "已联系相关部门，正在核实处理", by: (assignee ?? receiver).displayName, to: "in_progress" });
    if (resolvedAt) events.push({ kind: "resolve", at: resolvedAt, note: d.resolution!, by: (assignee ?? receiver).displayName, to: "resolved" });
    if (d.callback && calledAt) events.push({ kind: "callback", at: calledAt, note: d.callback.remarks, by: user.get(d.callback.by)!.displayName, to: "called_back" });
    if (d.closed && calledAt) events.push({ kind: "close", at: new Date(calledAt.getTime() + HOUR), note: "回访完毕，结案", by: "李志强", to: "closed" });
    const c = await tx.complaint.create({
      data: {
        complaintNo,
        year,
        seq,
        channel: d.channel,
        categoryId: cat.id,
        severity: d.severity ?? "normal",
        status,
        complainantName: d.name,
        contactPhone: d.phone,
        content: d.content,
        receivedAt,
        receivedById: receiver.id,
        assigneeId: assignee?.id ?? null,
        assigneeDeptId: d.dept ? (dept.get(d.dept) ?? null) : null,
        assignedAt: assignee || d.dept ? at(d, 0.3) : null,
        promisedReplyAt: replyDeadline(receivedAt, rules),
        repliedAt: resolvedAt,
        lastProgressAt,
        progressDueAt: resolvedAt ? null : progressDue(lastProgressAt, rules),
        resolvedAt,
        resolution: d.resolution ?? null,
        callbackDueAt: resolvedAt ? callbackDue(resolvedAt, rules) : null,
        calledBackAt: calledAt,
        closedAt: d.closed && calledAt ? new Date(calledAt.getTime() + HOUR) : null,
        escalatedAt: d.severity === "major" ? receivedAt : null,
        version: events.length - 1,
        searchText: [complaintNo, d.name, cat.name, d.content].join(" ").toLowerCase(),
        events: { create: events.map((e, i) => ({ kind: e.kind, at: e.at, note: e.note, actorName: e.by, fromStatus: i ? events[i - 1]!.to : null, toStatus: e.to })) },
        callbacks: d.callback && calledAt ? { create: { calledById: user.get(d.callback.by)!.id, calledByName: user.get(d.callback.by)!.displayName, calledAt, dueAt: callbackDue(resolvedAt!, rules), satisfaction: d.callback.satisfaction, remarks: d.callback.remarks } } : undefined,
      },
      select: { id: true },
    });
    ids.push(c.id);
    created++;
  }

  // Repair orders: one waiting for both approvals (6800 元), one under repair, one done awaiting the callback.
  const repairs = [
    { complaintId: ids[0]!, location: "华景园 3栋 1202 主卧窗台", description: "窗台渗水，墙纸发霉", isWarranty: true, isPaid: false, plan: "拆除窗台重做防水，更换墙纸", cost: "6800.00", status: "pending_approval" as const, needsGeneral: true },
    { complaintId: null, location: "锦湖湾 1栋 大堂", description: "大堂天花板吊顶松动", isWarranty: false, isPaid: false, plan: "加固吊顶龙骨", cost: "1800.00", status: "approved" as const, needsGeneral: false },
    { complaintId: null, location: "华景园 1栋 0502 厨房", description: "水龙头漏水（有偿维修）", isWarranty: false, isPaid: true, plan: "更换水龙头", cost: "260.00", status: "done" as const, needsGeneral: false },
  ];
  const staff = user.get("staff")!;
  const eng = user.get("gcb.manager");
  for (const r of repairs) {
    const year = Number(shanghaiDay(now).slice(0, 4));
    const seq = await allocateServiceSeq(tx, "WX", year);
    const approved = r.status !== "pending_approval";
    const doneAt = r.status === "done" ? new Date(now.getTime() - 20 * HOUR) : null;
    await tx.repairOrder.create({
      data: {
        orderNo: formatServiceNo("WX", year, seq),
        year,
        seq,
        complaintId: r.complaintId,
        location: r.location,
        description: r.description,
        isWarranty: r.isWarranty,
        responsibleDept: r.isWarranty ? "GCB" : "WYB",
        isPaid: r.isPaid,
        plan: r.plan,
        cost: r.cost,
        status: r.status,
        needsGeneral: r.needsGeneral,
        engApprovedById: approved ? (eng?.id ?? null) : null,
        engApprovedAt: approved ? new Date(now.getTime() - 30 * HOUR) : null,
        doneAt,
        callbackDueAt: doneAt ? callbackDue(doneAt, rules) : null,
        createdById: staff.id,
        events: {
          create: [
            { kind: "create", note: r.description, actorName: staff.displayName, at: new Date(now.getTime() - 48 * HOUR) },
            { kind: "submitPlan", note: r.plan, actorName: staff.displayName, at: new Date(now.getTime() - 40 * HOUR) },
            ...(approved ? [{ kind: "approve", note: "同意", actorName: eng?.displayName ?? "工程部经理", at: new Date(now.getTime() - 30 * HOUR) }] : []),
            ...(doneAt ? [{ kind: "complete", note: "已更换完毕", actorName: staff.displayName, at: doneAt }] : []),
          ],
        },
      },
    });
    created++;
  }
  await writeAudit(tx, SYSTEM_ACTOR, { action: "seed.complaints", entity: "Complaint", after: { complaints: DEMOS.length, repairs: repairs.length } });
  return { created };
}
