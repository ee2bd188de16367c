// 来电来访登记 demo data: about forty days of calls and visits at the front desk (fewer at the
// weekend), some needing a follow-up and most of those followed up, one voided as a duplicate;
// and the 来电来访情况 reports of the past, signed, with yesterday's daily left as a draft and a
// few dailies the desk forgot — so the reports page shows late periods and the reminders have work.
// Idempotent: only into an empty register.
import type { Db } from "../../server/db/client";
import { inTransaction } from "../../server/db/tx";
import { SYSTEM_ACTOR, writeAudit } from "../../server/domain/audit/audit-log";
import { allocateDocumentSeq, formatDocumentNo } from "../../server/domain/document-number";
import { shanghaiDay, startOfShanghaiDay } from "../../server/domain/time";
import { unitLabelsOf } from "../../server/domain/complaints/shared";
import { addDays, periodContaining, previousPeriod } from "../../server/domain/contacts/report-periods";
import { generateReport, signReport } from "../../server/domain/contacts/reports.service";
import type { ContactPurpose } from "../../server/db/generated/client";
import { createRng } from "./prng";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "./names";

const DAYS = 40;
const RECORDERS = ["staff", "staff2", "huang.wei", "liu.fang"] as const;

const TOPICS: Record<ContactPurpose, { content: string; answer: string }[]> = {
  consult: [
    { content: "咨询交房时间及需要准备的资料", answer: "告知预计交房时间，发送入伙须知" },
    { content: "咨询按揭放款进度", answer: "已联系银行，预计本周内放款" },
    { content: "咨询物业费收费标准", answer: "按合同约定标准解释，附收费公示" },
    { content: "咨询车位租售政策", answer: "介绍车位销售方案，转招商人员跟进" },
  ],
  certificate: [
    { content: "查询产权证办理进度", answer: "房管局已受理，预计月底可领取" },
    { content: "询问领取产权证需带哪些证件", answer: "本人身份证原件、契税及维修基金发票" },
    { content: "询问合同备案表何时可取", answer: "备案需 3–5 个工作日，办好电话通知" },
  ],
  repair: [
    { content: "卫生间地漏返味", answer: "已登记，安排工程部上门查看" },
    { content: "阳台推拉门滑轨损坏", answer: "保修期内，已报工程部维修" },
    { content: "客厅墙面开裂", answer: "已拍照记录，约工程师现场评估" },
  ],
  complaint: [
    { content: "投诉楼上住户装修噪音", answer: "已转物业处理，当日回复" },
    { content: "投诉小区绿化养护不到位", answer: "已记录，转物业整改" },
    { content: "反映电梯多次停运", answer: "已转工程部及电梯维保单位排查" },
  ],
  other: [
    { content: "来访领取入伙资料", answer: "已发放入伙资料袋" },
    { content: "建议增设电动车充电桩", answer: "已记录，转物业评估" },
  ],
};

const PURPOSES: ContactPurpose[] = ["consult", "consult", "consult", "consult", "certificate", "certificate", "repair", "repair", "complaint", "other"];

export type ContactsSeedResult = { contacts: number; contactReports: number };

export async function seedContacts(db: Db, now = new Date()): Promise<ContactsSeedResult> {
  if ((await db.contactLog.count()) > 0) return { contacts: 0, contactReports: 0 };
  const users = await db.user.findMany({ where: { loginName: { in: [...RECORDERS] } }, select: { id: true, loginName: true, displayName: true, roles: { select: { role: true } } } });
  if (users.length === 0) return { contacts: 0, contactReports: 0 };
  const owners = await db.clientUnit.findMany({ take: 40, orderBy: { unitId: "asc" }, select: { unitId: true, client: { select: { id: true, name: true, phone: true } } } });
  const labels = await unitLabelsOf(db, owners.map((o) => o.unitId));
  const rng = createRng(20260309);
  const today = shanghaiDay(now);

  const rows: { occurredAt: Date; data: Omit<Parameters<Db["contactLog"]["create"]>[0]["data"], "contactNo"> }[] = [];
  for (let back = DAYS; back >= 0; back--) {
    const day = addDays(today, -back);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const count = weekday === 0 || weekday === 6 ? rng.int(1, 3) : rng.int(3, 8);
    for (let i = 0; i < count; i++) {
      const occurredAt = new Date(startOfShanghaiDay(day).getTime() + (8.5 * 60 + rng.int(0, 10.5 * 60)) * 60_000);
      if (occurredAt.getTime() > now.getTime()) continue;
      const purpose = rng.pick(PURPOSES);
      const topic = rng.pick(TOPICS[purpose]);
      const owner = rng.chance(0.7) ? rng.pick(owners) : null;
      const stranger = `${rng.pick(SURNAMES)}${rng.pick(rng.chance(0.5) ? MALE_GIVEN : FEMALE_GIVEN)}`;
      const recorder = rng.pick(users);
      const followUpNeeded = purpose !== "consult" && rng.chance(0.4);
      const done = followUpNeeded && back >= 2 && rng.chance(0.8);
      const unit = owner ? (labels.get(owner.unitId) ?? null) : null;
      const callerName = owner?.client.name ?? stranger;
      rows.push({
        occurredAt,
        data: {
          occurredAt,
          channel: rng.chance(0.7) ? "phone" : "visit",
          purpose,
          clientId: owner?.client.id ?? null,
          unitId: owner?.unitId ?? null,
          callerName,
          callerPhone: owner ? owner.client.phone : `13${rng.digits(9)}`,
          content: topic.content,
          answer: topic.answer,
          followUpNeeded,
          followUpDoneAt: done ? new Date(occurredAt.getTime() + rng.int(2, 30) * 3600_000) : null,
          followUpDoneById: done ? recorder.id : null,
          followUpNote: done ? "已电话回复业主，问题已落实" : null,
          recordedById: recorder.id,
          recordedByName: recorder.displayName,
          searchText: [callerName, unit, topic.content, topic.answer].filter(Boolean).join(" ").toLowerCase(),
        },
      });
    }
  }
  rows.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  // One entry recorded twice by mistake, voided with its reason (nothing is deleted).
  const duplicate = rows[Math.floor(rows.length / 2)]!;
  const recorder = users[0]!;

  const contacts = await inTransaction(db, async (tx) => {
    for (const r of [...rows, { ...duplicate, void: true }]) {
      const year = Number(shanghaiDay(r.occurredAt).slice(0, 4));
      const contactNo = formatDocumentNo("LD", year, await allocateDocumentSeq(tx, "LD", year), 5);
      const isVoid = "void" in r;
      await tx.contactLog.create({
        data: { ...r.data, contactNo, searchText: `${contactNo.toLowerCase()} ${r.data.searchText}`, ...(isVoid ? { voidedAt: r.occurredAt, voidedById: recorder.id, voidReason: "重复登记" } : {}) },
      });
    }
    const n = rows.length + 1;
    await writeAudit(tx, SYSTEM_ACTOR, { action: "seed.run", entity: "Seed", entityId: null, after: { contacts: n } });
    return n;
  });

  // Reports of the past, generated and signed by the CS specialist (000 §13).
  const specialist = users.find((u) => u.loginName === "staff") ?? users[0]!;
  const who = { id: specialist.id, name: specialist.displayName, roles: specialist.roles.map((r) => r.role) };
  let reports = 0;
  const signed = async (kind: "daily" | "weekly" | "monthly", key: string, sign: boolean) => {
    const r = await generateReport(db, who, { kind, periodKey: key });
    if (r.created) reports++;
    if (sign && r.created) await signReport(db, who, { reportId: r.id, remarks: "" });
  };
  const yesterday = addDays(today, -1);
  // Dailies from two weeks back to the day before yesterday, minus two the desk forgot.
  for (let back = 14; back >= 3; back--) if (back !== 6 && back !== 10) await signed("daily", addDays(today, -back), true);
  await signed("daily", yesterday, false);
  let week = previousPeriod(periodContaining("weekly", today));
  for (let i = 0; i < 3; i++, week = previousPeriod(week)) await signed("weekly", week.key, true);
  await signed("monthly", previousPeriod(periodContaining("monthly", today)).key, true);
  return { contacts, contactReports: reports };
}
