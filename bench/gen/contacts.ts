// 来电来访登记 (ContactLog) at the front desk over the last `years` years: calls and visits from the
// estate's clients or strangers, some needing a follow-up (most done, the recent ones open), numbered
// LD-yyyy-nnnnn after the seeded DocumentCounter; searchText as contacts.service builds it.
import type { Db } from "../../server/db/client";
import { createRng } from "../../prisma/seed/prng";
import { mobileNumber } from "../../prisma/seed/identity";
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../../prisma/seed/names";
import { formatDocumentNo } from "../../server/domain/document-number";
import { EstateLayout } from "./estate";
import { benchUuid } from "./ids";
import { inBatches, insertRows, report } from "./insert";
import { hours, seededPeople, shanghaiYear } from "./people";

const TOPICS = {
  consult: [["咨询交房时间及需要准备的资料", "告知预计交房时间，发送入伙须知"], ["咨询按揭放款进度", "已联系银行，预计本周内放款"], ["咨询物业费收费标准", "按合同约定标准解释，附收费公示"], ["咨询车位租售政策", "介绍车位销售方案，转招商人员跟进"]],
  certificate: [["查询产权证办理进度", "房管局已受理，预计月底可领取"], ["询问领取产权证需带哪些证件", "本人身份证原件、契税及维修基金发票"]],
  repair: [["卫生间地漏返味", "已登记，安排工程部上门查看"], ["阳台推拉门滑轨损坏", "保修期内，已报工程部维修"], ["客厅墙面开裂", "已拍照记录，约工程师现场评估"]],
  complaint: [["投诉楼上住户装修噪音", "已转物业处理，当日回复"], ["反映电梯多次停运", "已转工程部及电梯维保单位排查"]],
  other: [["来访领取入伙资料", "已发放入伙资料袋"], ["建议增设电动车充电桩", "已记录，转物业评估"]],
} satisfies Record<string, readonly (readonly [string, string])[]>;
const PURPOSES = ["consult", "consult", "consult", "consult", "certificate", "certificate", "repair", "repair", "complaint", "other"] as const;
export const contactId = (i: number) => benchUuid(`bench-contact:${i}`);

export async function generateContacts(db: Db, layout: EstateLayout, total: number, years: number, batch: number, now = new Date()): Promise<number> {
  const have = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "ContactLog" WHERE "id" = ANY($1::uuid[])`, [contactId(0), contactId(total - 1)]);
  if (total === 0 || Number(have[0]!.n) === 2) return 0;
  const people = await seededPeople(db);
  const counters = new Map((await db.documentCounter.findMany({ where: { series: "LD" } })).map((c) => [c.year, c.lastSeq]));
  const seqOf = new Map<number, number>();
  const span = years * 365 * 24;
  let seconds = 0;
  const inserted = await inBatches("contacts", total, batch, async (from, to) => {
    const rng = createRng(20260601 + from);
    const ks = Array.from({ length: to - from }, (_, n) => ((from + n) * 104729) % layout.o.clients);
    const known = new Map((await db.client.findMany({ where: { id: { in: ks.map((k) => EstateLayout.clientId(layout.o.seed, k)) } }, select: { id: true, name: true, phone: true } })).map((c) => [c.id, c]));
    const rows: Record<string, unknown>[] = [];
    for (let i = from; i < to; i++) {
      const ageH = ((total - 1 - i) / total) * span;
      const occurredAt = new Date(Math.floor((now.getTime() - hours(ageH)) / 60_000) * 60_000);
      const year = shanghaiYear(occurredAt);
      const seq = (seqOf.get(year) ?? counters.get(year) ?? 0) + 1;
      seqOf.set(year, seq);
      const contactNo = formatDocumentNo("LD", year, seq, 5);
      const k = ks[i - from]!;
      const client = rng.chance(0.75) ? known.get(EstateLayout.clientId(layout.o.seed, k)) : undefined;
      const unit = client ? layout.unit(k - Math.floor((k + 1) / 20)) : null;
      const male = rng.chance(0.5);
      const callerName = client?.name ?? rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN);
      const purpose = rng.pick(PURPOSES);
      const [content, answer] = rng.pick<readonly [string, string]>(TOPICS[purpose]);
      const recorder = rng.pick(people.staff);
      const followUp = purpose !== "consult" && rng.chance(0.3);
      const done = followUp && (ageH > 72 || rng.chance(0.4));
      rows.push({
        id: contactId(i),
        contactNo,
        occurredAt,
        channel: rng.chance(0.7) ? "phone" : "visit",
        purpose,
        clientId: client ? EstateLayout.clientId(layout.o.seed, k) : null,
        unitId: unit?.unitId ?? null,
        callerName,
        callerPhone: client?.phone ?? mobileNumber(rng),
        content,
        answer,
        followUpNeeded: followUp,
        followUpDoneAt: done ? new Date(occurredAt.getTime() + hours(rng.int(2, 48))) : null,
        followUpDoneById: done ? recorder.id : null,
        followUpNote: done ? "已回电告知处理结果" : null,
        recordedById: recorder.id,
        recordedByName: recorder.name,
        searchText: [contactNo, callerName, unit?.label, content, answer].filter(Boolean).join(" ").toLowerCase(),
        createdAt: occurredAt,
        updatedAt: occurredAt,
      });
    }
    const t0 = performance.now();
    const n = await insertRows(db, "ContactLog", {
      id: "uuid", contactNo: "text", occurredAt: "timestamptz", channel: `"ContactChannel"`, purpose: `"ContactPurpose"`, clientId: "uuid", unitId: "uuid", callerName: "text",
      callerPhone: "text", content: "text", answer: "text", followUpNeeded: "boolean", followUpDoneAt: "timestamptz", followUpDoneById: "uuid", followUpNote: "text",
      recordedById: "uuid", recordedByName: "text", searchText: "text", createdAt: "timestamptz", updatedAt: "timestamptz",
    }, rows);
    seconds += (performance.now() - t0) / 1000;
    return n;
  });
  report("ContactLog", inserted, seconds);
  for (const [year, lastSeq] of seqOf)
    await db.$executeRawUnsafe(
      `INSERT INTO "DocumentCounter" ("series", "year", "lastSeq") VALUES ('LD', $1::int, $2::int) ON CONFLICT ("series", "year") DO UPDATE SET "lastSeq" = GREATEST("DocumentCounter"."lastSeq", EXCLUDED."lastSeq")`,
      year,
      lastSeq,
    );
  return inserted;
}
