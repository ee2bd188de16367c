// 投诉 with their events and callbacks, received at an even pace over the last `years` years:
// old ones closed after a callback, recent ones still open with running clocks — the states
// and clocks the intake and complaints services would have left (TS-yyyy-nnnn numbers continue
// the seeded ServiceCounter, which is moved to the last number used).
import type { Db } from "../../server/db/client";
import { createRng } from "../../prisma/seed/prng";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../../prisma/seed/names";
import { mobileNumber } from "../../prisma/seed/identity";
import { DEFAULT_RULES, callbackDue, progressDue, replyDeadline } from "../../server/domain/complaints/clocks";
import { formatServiceNo } from "../../server/domain/complaints/numbering";
import { EstateLayout } from "./estate";
import { benchUuid } from "./ids";
import { inBatches, insertRows, report } from "./insert";
import { hours, seededPeople, shanghaiYear } from "./people";

const TOPICS: Record<string, { content: string[]; resolution: string[] }> = {
  GCZL: { content: ["主卧窗台渗水，墙纸发霉，要求尽快维修", "入户门变形关不严", "卫生间地面返水", "外墙瓷砖空鼓", "阳台推拉门漏风", "客厅墙面开裂"], resolution: ["工程部已上门维修完毕", "更换门扇，业主确认", "重做防水，闭水试验合格"] },
  WYFW: { content: ["地下车库照明多处不亮，夜间出入不安全", "楼上装修噪音超时施工", "小区绿化养护不到位", "电梯多次停运", "垃圾清运不及时"], resolution: ["物业已整改", "物业已约谈装修户，限定施工时间", "电梯维保单位已检修"] },
  HTCQ: { content: ["产权证办理进度查询，已超过合同约定时间", "合同备案信息有误", "车位产权归属咨询"], resolution: ["已核实房管局受理进度，已电话告知业主", "已更正备案信息"] },
  XS: { content: ["销售承诺的赠送面积与合同不符", "认购时承诺的优惠未兑现"], resolution: ["调取认购书及宣传资料核对，向业主书面解释", "已按认购书约定兑现优惠"] },
  QT: { content: ["小区快递柜位置不便", "建议增设电动车充电桩"], resolution: ["与物业协商增设一组快递柜", "已转物业评估"] },
};
const CATS = ["GCZL", "GCZL", "GCZL", "WYFW", "WYFW", "WYFW", "HTCQ", "XS", "QT", "GCZL"];
const CHANNELS = ["phone", "phone", "phone", "visit", "online", "letter", "other"] as const;
const SATISFACTION = ["very_satisfied", "satisfied", "satisfied", "satisfied", "neutral", "dissatisfied"] as const;

export const complaintId = (i: number) => benchUuid(`bench-complaint:${i}`);

export async function generateComplaints(db: Db, layout: EstateLayout, total: number, years: number, batch: number, now = new Date()): Promise<number> {
  const have = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Complaint" WHERE "id" = ANY($1::uuid[])`, [complaintId(0), complaintId(total - 1)]);
  if (total === 0 || Number(have[0]!.n) === 2) return 0;
  const people = await seededPeople(db);
  const cats = new Map((await db.complaintCategory.findMany({ select: { id: true, code: true, name: true } })).map((c) => [c.code, c]));
  const counters = new Map((await db.serviceCounter.findMany({ where: { prefix: "TS" } })).map((c) => [c.year, c.lastSeq]));
  const seqOf = new Map<number, number>();
  const span = years * 365 * 24;
  let eventRows = 0;
  let callbackRows = 0;
  let eventSeconds = 0;
  let complaintSeconds = 0;
  const rules = DEFAULT_RULES;
  const inserted = await inBatches("complaints", total, batch, async (from, to) => {
    const rng = createRng(20260401 + from);
    // the clients the batch names, read back for their names and phones
    const ks = Array.from({ length: to - from }, (_, n) => ((from + n) * 7919) % layout.o.clients);
    const known = new Map((await db.client.findMany({ where: { id: { in: ks.map((k) => EstateLayout.clientId(layout.o.seed, k)) } }, select: { id: true, name: true, phone: true } })).map((c) => [c.id, c]));
    const complaints: Record<string, unknown>[] = [];
    const events: Record<string, unknown>[] = [];
    const callbacks: Record<string, unknown>[] = [];
    for (let i = from; i < to; i++) {
      const ageH = ((total - 1 - i) / total) * span + rng.int(0, 50) / 60;
      const receivedAt = new Date(Math.floor((now.getTime() - hours(ageH)) / 60_000) * 60_000);
      const year = shanghaiYear(receivedAt);
      const seq = (seqOf.get(year) ?? counters.get(year) ?? 0) + 1;
      seqOf.set(year, seq);
      const complaintNo = formatServiceNo("TS", year, seq);
      const catCode = CATS[i % CATS.length]!;
      const cat = cats.get(catCode)!;
      const k = ks[i - from]!;
      const client = rng.chance(0.7) ? known.get(EstateLayout.clientId(layout.o.seed, k)) : undefined;
      const unit = client ? layout.unit(k - Math.floor((k + 1) / 20)) : rng.chance(0.5) ? layout.unit(rng.int(0, layout.totalUnits - 1)) : null;
      const male = rng.chance(0.5);
      const name = client?.name ?? rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
      const phone = client?.phone ?? mobileNumber(rng);
      const content = rng.pick(TOPICS[catCode]!.content);
      const receiver = rng.pick(people.staff);
      const major = i % 53 === 0;
      // how far it got: by age, so open complaints are the recent ones
      const stage = ageH < 6 ? rng.int(0, 1) : ageH < 72 ? rng.int(1, 2) : ageH < 240 ? rng.int(2, 4) : rng.chance(0.97) ? 4 : rng.int(1, 3);
      const assignee = stage >= 1 && rng.chance(0.7) ? rng.pick(people.staff) : null;
      const deptId = stage >= 1 && !assignee ? rng.pick(people.deptIds) : null;
      const at = (h: number) => new Date(receivedAt.getTime() + hours(h));
      const assignedH = 0.3;
      const progressH = 1 + rng.int(0, 20) / 10;
      const resolvedH = progressH + rng.int(2, 60);
      const calledH = resolvedH + rng.int(4, 70);
      const id = complaintId(i);
      const handler = assignee ?? receiver;
      const ev: { kind: string; at: Date; note: string; by: string; to: string }[] = [{ kind: "intake", at: receivedAt, note: content, by: receiver.name, to: "received" }];
      if (stage >= 1) {
        if (assignee || deptId) ev.push({ kind: "assign", at: at(assignedH), note: assignee ? `请${assignee.name}跟进处理` : "转交相关部门处理", by: people.supervisor.name, to: "in_progress" });
        ev.push({ kind: "progress", at: at(progressH), note: "已联系相关部门，正在核实处理", by: handler.name, to: "in_progress" });
      }
      const resolution = stage >= 2 ? rng.pick(TOPICS[catCode]!.resolution) : null;
      if (stage >= 2) ev.push({ kind: "resolve", at: at(resolvedH), note: resolution!, by: handler.name, to: "resolved" });
      const satisfaction = rng.pick(SATISFACTION);
      if (stage >= 3) ev.push({ kind: "callback", at: at(calledH), note: satisfaction === "dissatisfied" ? "业主对处理时长不满意" : "业主确认问题已解决", by: receiver.name, to: "called_back" });
      if (stage >= 4) ev.push({ kind: "close", at: at(calledH + 1), note: "回访完毕，结案", by: people.supervisor.name, to: "closed" });
      const status = ["received", "in_progress", "resolved", "called_back", "closed"][stage]!;
      const lastProgressAt = stage >= 1 ? at(progressH) : receivedAt;
      const resolvedAt = stage >= 2 ? at(resolvedH) : null;
      complaints.push({
        id,
        complaintNo,
        year,
        seq,
        channel: rng.pick(CHANNELS),
        categoryId: cat.id,
        severity: major ? "major" : "normal",
        status,
        clientId: client ? EstateLayout.clientId(layout.o.seed, k) : null,
        unitId: unit?.unitId ?? null,
        complainantName: name,
        contactPhone: phone,
        content,
        receivedAt,
        receivedById: receiver.id,
        assigneeId: assignee?.id ?? null,
        assigneeDeptId: deptId,
        assignedAt: assignee || deptId ? at(assignedH) : null,
        promisedReplyAt: replyDeadline(receivedAt, rules),
        repliedAt: resolvedAt,
        lastProgressAt,
        progressDueAt: resolvedAt ? null : progressDue(lastProgressAt, rules),
        resolvedAt,
        resolvedById: resolvedAt ? handler.id : null,
        resolution,
        callbackDueAt: resolvedAt ? callbackDue(resolvedAt, rules) : null,
        calledBackAt: stage >= 3 ? at(calledH) : null,
        closedAt: stage >= 4 ? at(calledH + 1) : null,
        escalatedAt: major ? receivedAt : null,
        version: ev.length - 1,
        searchText: [complaintNo, name, unit?.label, cat.name, content].filter(Boolean).join(" ").toLowerCase(),
        createdAt: receivedAt,
        updatedAt: ev[ev.length - 1]!.at,
      });
      ev.forEach((e, n) =>
        events.push({ id: benchUuid(`bench-complaint-event:${i}:${n}`), complaintId: id, kind: e.kind, fromStatus: n ? ev[n - 1]!.to : null, toStatus: e.to, note: e.note, actorName: e.by, at: e.at }),
      );
      if (stage >= 3)
        callbacks.push({ id: benchUuid(`bench-complaint-callback:${i}`), complaintId: id, calledById: receiver.id, calledByName: receiver.name, calledAt: at(calledH), dueAt: callbackDue(resolvedAt!, rules), satisfaction, remarks: ev.find((e) => e.kind === "callback")!.note, createdAt: at(calledH) });
    }
    const t0 = performance.now();
    const n = await insertRows(db, "Complaint", {
      id: "uuid", complaintNo: "text", year: "int", seq: "int", channel: `"ComplaintChannel"`, categoryId: "uuid", severity: `"ComplaintSeverity"`, status: `"ComplaintStatus"`,
      clientId: "uuid", unitId: "uuid", complainantName: "text", contactPhone: "text", content: "text", receivedAt: "timestamptz", receivedById: "uuid", assigneeId: "uuid",
      assigneeDeptId: "uuid", assignedAt: "timestamptz", promisedReplyAt: "timestamptz", repliedAt: "timestamptz", lastProgressAt: "timestamptz", progressDueAt: "timestamptz",
      resolvedAt: "timestamptz", resolvedById: "uuid", resolution: "text", callbackDueAt: "timestamptz", calledBackAt: "timestamptz", closedAt: "timestamptz", escalatedAt: "timestamptz",
      version: "int", searchText: "text", createdAt: "timestamptz", updatedAt: "timestamptz",
    }, complaints);
    const t1 = performance.now();
    eventRows += await insertRows(db, "ServiceEvent", { id: "uuid", complaintId: "uuid", kind: "text", fromStatus: "text", toStatus: "text", note: "text", actorName: "text", at: "timestamptz" }, events);
    callbackRows += await insertRows(db, "ServiceCallback", { id: "uuid", complaintId: "uuid", calledById: "uuid", calledByName: "text", calledAt: "timestamptz", dueAt: "timestamptz", satisfaction: `"Satisfaction"`, remarks: "text", createdAt: "timestamptz" }, callbacks);
    complaintSeconds += (t1 - t0) / 1000;
    eventSeconds += (performance.now() - t1) / 1000;
    return n;
  });
  report("Complaint", inserted, complaintSeconds);
  report("ServiceEvent+Callback", eventRows + callbackRows, eventSeconds);
  for (const [year, lastSeq] of seqOf) {
    await db.$executeRawUnsafe(
      `INSERT INTO "ServiceCounter" ("prefix", "year", "lastSeq") VALUES ('TS', $1::int, $2::int) ON CONFLICT ("prefix", "year") DO UPDATE SET "lastSeq" = GREATEST("ServiceCounter"."lastSeq", EXCLUDED."lastSeq")`,
      year,
      lastSeq,
    );
  }
  return inserted;
}
