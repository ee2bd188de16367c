import { beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "../../server/db/tx";
import { shanghaiDay } from "../../server/domain/time";
import { refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 产权证领取 (issue 5 item 7, 000 §10.4): identity checked against the unit's buyers, agents with a
// power of attorney, the recipient's signature, void with a reason, and one valid hand-out per
// certificate — enforced by the database, also when two clerks race.
const t = useTestDatabase();
let clerk: Caller;
let clerk2: Caller;
let supervisor: Caller;
let admin: Caller;
const unit: Record<"couple" | "company" | "noId" | "empty" | "other", string> = {} as never;
const client: Record<"husband" | "wife" | "company" | "noId" | "other", string> = {} as never;
const HUSBAND_ID = "44010619850312451X";
const WIFE_ID = "440106198707220028";
const COMPANY_CODE = "91440101MA5CXXXX1Y";
const OTHER_ID = "440104197001011111";
const year = Number(shanghaiDay(new Date()).slice(0, 4));

beforeAll(async () => {
  clerk = (await signedInAs(t.db, ["staff"])).caller;
  clerk2 = (await signedInAs(t.db, ["archivist"])).caller;
  supervisor = (await signedInAs(t.db, ["supervisor"])).caller;
  admin = (await signedInAs(t.db, ["admin"])).caller;
  const project = await t.db.project.create({ data: { code: "HJY", name: "华景苑" }, select: { id: true } });
  const building = await t.db.building.create({ data: { projectId: project.id, code: "1", name: "1栋" }, select: { id: true } });
  for (const [k, number] of [["couple", "0101"], ["company", "0102"], ["noId", "0103"], ["empty", "0104"], ["other", "0105"]] as const) {
    unit[k] = (await t.db.unit.create({ data: { buildingId: building.id, number, floor: 1 }, select: { id: true } })).id;
  }
  const mk = async (k: keyof typeof client, name: string, idNumber: string | null, unitKey: keyof typeof unit, kind: "individual" | "company" = "individual", relation = "buyer") => {
    client[k] = (await t.db.client.create({ data: { kind, name, idNumber, phone: "13812345678" }, select: { id: true } })).id;
    await t.db.clientUnit.create({ data: { clientId: client[k], unitId: unit[unitKey], relation } });
  };
  await mk("husband", "林志明", HUSBAND_ID, "couple", "individual", "co-owner");
  await mk("wife", "陈美玲", WIFE_ID, "couple", "individual", "co-owner");
  await mk("company", "广州市华信贸易有限公司", COMPANY_CODE, "company", "company");
  await mk("noId", "周无证", null, "noId");
  await mk("other", "黄其他", OTHER_ID, "other");
});

const counts = async () => ({
  handouts: await t.db.certificateHandout.count(),
  audit: await t.db.auditLog.count(),
  counter: (await t.db.documentCounter.findUnique({ where: { series_year: { series: "LQ", year } } }))?.lastSeq ?? 0,
});

const owner = (over: Record<string, unknown> = {}) => ({ unitId: unit.couple, certificateNo: "粤(2026)广州市不动产权第0000101号", ownerClientId: client.husband, ownerIdNumber: HUSBAND_ID, recipientKind: "owner" as const, ...over });

describe("the unit and its buyers", () => {
  it("finds units by 房号 or buyer name and shows the buyers with masked IDs only", async () => {
    expect((await clerk.borrowing.certificates.searchUnits({ q: "陈美" })).map((u) => u.label)).toEqual(["华景苑 1栋 0101"]);
    expect((await clerk.borrowing.certificates.searchUnits({ q: "010" })).length).toBe(4); // 0104 has no buyer
    const b = await clerk.borrowing.certificates.buyers({ unitId: unit.couple });
    expect(b.buyers.map((x) => [x.name, x.idMasked, x.relation])).toEqual([
      ["林志明", "4401**********451X", "co-owner"],
      ["陈美玲", "4401**********0028", "co-owner"],
    ]);
    expect(JSON.stringify(b)).not.toContain(HUSBAND_ID);
  });
});

describe("identity check", () => {
  it("a wrong ID is refused with a clear Chinese message and nothing is written (no row, no audit, no number)", async () => {
    const before = await counts();
    const r = await refusalOf(clerk.borrowing.certificates.handOut(owner({ ownerIdNumber: "440106198503124510" })));
    expect([r.code, r.domainCode, r.message]).toEqual(["BAD_REQUEST", "CERT_ID_MISMATCH", "证件号码与该房号购房合同上买受人的证件号码不符，不能发证。"]);
    // The wife's (real) ID under the husband's name is just as wrong.
    expect((await refusalOf(clerk.borrowing.certificates.handOut(owner({ ownerIdNumber: WIFE_ID })))).domainCode).toBe("CERT_ID_MISMATCH");
    // Someone else's buyer, with their own correct ID, is not a buyer of this unit.
    const other = await refusalOf(clerk.borrowing.certificates.handOut(owner({ ownerClientId: client.other, ownerIdNumber: OTHER_ID })));
    expect([other.domainCode, other.message]).toEqual(["CERT_NOT_BUYER", "所选客户不是该房号购房合同的买受人。"]);
    expect((await refusalOf(clerk.borrowing.certificates.handOut(owner({ unitId: unit.noId, ownerClientId: client.noId, ownerIdNumber: "440104199001011234" })))).domainCode).toBe("CERT_OWNER_NO_ID");
    expect(await counts()).toEqual(before);
  });

  it("the owner with the right ID (typed with a lower-case x and spaces) gets it: LQ number, masked ID, audited without the full number", async () => {
    const before = await counts();
    const h = await clerk.borrowing.certificates.handOut(owner({ ownerIdNumber: " 440106 19850312451x ", recipientPhone: "13900001111", confirmed: true }));
    expect(h.handoutNo).toBe(`LQ-${year}-${String(before.counter + 1).padStart(4, "0")}`);
    expect(h).toMatchObject({ recipientKind: "owner", recipientName: "林志明", recipientIdMasked: "4401**********451X", ownerName: "林志明", recipientPhoneMasked: "139****1111", powerOfAttorney: null });
    expect(h.confirmedAt).not.toBeNull();
    const row = await t.db.certificateHandout.findUniqueOrThrow({ where: { id: h.id } });
    expect([row.recipientIdNumber, row.activeKey, row.voidedAt]).toEqual([HUSBAND_ID, row.certificateNo, null]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "certificate.handout", entityId: h.id } });
    expect(audit.after).toMatchObject({ handoutNo: h.handoutNo, identityChecked: true, recipientKind: "owner", ownerIdMasked: "4401**********451X", confirmed: true });
    expect(JSON.stringify(audit.after)).not.toContain(HUSBAND_ID);
  });

  it("an agent needs a name, an ID and the power of attorney; the owner's ID is still checked; the agent cannot be the owner", async () => {
    const agent = { unitId: unit.couple, certificateNo: "粤(2026)广州市不动产权第0000102号", ownerClientId: client.wife, ownerIdNumber: WIFE_ID, recipientKind: "agent" as const };
    const missing = await refusalOf(clerk.borrowing.certificates.handOut(agent));
    expect(missing.fieldErrors).toEqual({ agentName: "代领须填写受托人姓名", agentIdNumber: "请填写证件号码", powerOfAttorney: "代领须登记委托书编号或公证书号" });
    const full = { ...agent, agentName: "陈小红", agentIdNumber: "440104199505051234", powerOfAttorney: "（2026）粤广州南方第01234号" };
    expect((await refusalOf(clerk.borrowing.certificates.handOut({ ...full, ownerIdNumber: HUSBAND_ID }))).domainCode).toBe("CERT_ID_MISMATCH");
    const same = await refusalOf(clerk.borrowing.certificates.handOut({ ...full, agentIdNumber: WIFE_ID.toLowerCase() }));
    expect([same.domainCode, same.message]).toEqual(["CERT_AGENT_IS_OWNER", "受托人证件号码与业主本人相同，请选择“业主本人领取”。"]);
    const h = await clerk.borrowing.certificates.handOut(full);
    expect(h).toMatchObject({ recipientKind: "agent", recipientName: "陈小红", recipientIdMasked: "4401**********1234", ownerName: "陈美玲", powerOfAttorney: "（2026）粤广州南方第01234号", confirmedAt: null });
  });

  it("a company buyer collects only through an agent", async () => {
    const base = { unitId: unit.company, certificateNo: "粤(2026)广州市不动产权第0000201号", ownerClientId: client.company, ownerIdNumber: COMPANY_CODE.toLowerCase() };
    expect((await refusalOf(clerk.borrowing.certificates.handOut({ ...base, recipientKind: "owner" }))).domainCode).toBe("CERT_COMPANY_NEEDS_AGENT");
    const h = await clerk.borrowing.certificates.handOut({ ...base, recipientKind: "agent", agentName: "王经办", agentIdNumber: "440104198808081234", powerOfAttorney: "授权委托书 HX-2026-03" });
    expect(h.ownerIdMasked).toBe("9144**********XX1Y");
  });
});

describe("one valid hand-out per certificate; confirm and void", () => {
  it("refuses a second hand-out of the same certificate (however the number is spaced), naming the first; void frees it for a correction", async () => {
    const first = await clerk.borrowing.certificates.handOut(owner({ certificateNo: "粤(2026)广州市不动产权第0000301号" }));
    const again = await refusalOf(clerk2.borrowing.certificates.handOut(owner({ ownerClientId: client.wife, ownerIdNumber: WIFE_ID, certificateNo: "粤（2026）广州市不动产权第 0000301 号" })));
    expect([again.code, again.domainCode, again.message]).toEqual(["CONFLICT", "CERT_ALREADY_HANDED", `产权证 粤(2026)广州市不动产权第0000301号 已于领取单 ${first.handoutNo} 发出。`]);

    // Signature later; twice is refused.
    const signed = await clerk.borrowing.certificates.confirm({ handoutId: first.id });
    expect(signed.confirmedAt).not.toBeNull();
    expect((await refusalOf(clerk.borrowing.certificates.confirm({ handoutId: first.id }))).domainCode).toBe("CERT_WRONG_STATE");

    expect((await refusalOf(clerk.borrowing.certificates.void({ handoutId: first.id, reason: "x" }))).fieldErrors).toEqual({ reason: "请填写 2–200 字的作废原因" });
    const voided = await clerk2.borrowing.certificates.void({ handoutId: first.id, reason: "领取人应为共有人陈美玲，登记有误" });
    expect(voided.voidedAt).not.toBeNull();
    const row = await t.db.certificateHandout.findUniqueOrThrow({ where: { id: first.id } });
    expect([row.activeKey, row.voidReason]).toEqual([null, "领取人应为共有人陈美玲，登记有误"]);
    expect((await refusalOf(clerk.borrowing.certificates.void({ handoutId: first.id, reason: "再次作废" }))).domainCode).toBe("CERT_WRONG_STATE");
    expect((await refusalOf(clerk.borrowing.certificates.confirm({ handoutId: first.id }))).domainCode).toBe("CERT_WRONG_STATE");

    const corrected = await clerk2.borrowing.certificates.handOut(owner({ ownerClientId: client.wife, ownerIdNumber: WIFE_ID, certificateNo: "粤(2026)广州市不动产权第0000301号" }));
    expect(corrected.handoutNo).not.toBe(first.handoutNo);
    const book = await supervisor.borrowing.certificates.list({ q: "0000301" });
    expect(book.rows.map((r) => [r.handoutNo, r.voidedAt === null])).toEqual([
      [corrected.handoutNo, true],
      [first.handoutNo, false],
    ]);
    const actions = (await t.db.auditLog.findMany({ where: { entityId: first.id }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["certificate.handout", "certificate.confirm", "certificate.void"]);
  });

  it("the database itself refuses a second valid row for a certificate", async () => {
    const h = await clerk.borrowing.certificates.handOut(owner({ certificateNo: "粤(2026)广州市不动产权第0000401号" }));
    const row = await t.db.certificateHandout.findUniqueOrThrow({ where: { id: h.id } });
    const { id: _id, handoutNo: _no, ...copy } = row;
    const e = await t.db.certificateHandout.create({ data: { ...copy, handoutNo: "LQ-0000-9999" } }).catch((x: unknown) => x);
    expect(isUniqueViolation(e)).toBe(true);
  });

  it("two clerks handing out the same certificate at the same moment: exactly one succeeds, 100 times; numbers stay gap-free", async () => {
    const tries = 100;
    for (let i = 0; i < tries; i++) {
      const certificateNo = `粤(2026)广州市不动产权第9${String(i).padStart(6, "0")}号`;
      const results = await Promise.allSettled([
        clerk.borrowing.certificates.handOut(owner({ certificateNo })),
        clerk2.borrowing.certificates.handOut(owner({ ownerClientId: client.wife, ownerIdNumber: WIFE_ID, certificateNo })),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      expect(ok, `try ${i}`).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected")!;
      const r = await refusalOf(Promise.reject((lost as PromiseRejectedResult).reason));
      expect(r.domainCode, `try ${i}: ${r.message}`).toBe("CERT_ALREADY_HANDED");
    }
    const race = await t.db.certificateHandout.groupBy({ by: ["certificateNo"], where: { certificateNo: { startsWith: "粤(2026)广州市不动产权第9" }, voidedAt: null }, _count: true });
    expect(race).toHaveLength(tries);
    expect(race.every((g) => g._count === 1)).toBe(true);
    const seqs = (await t.db.certificateHandout.findMany({ select: { handoutNo: true } })).map((h) => Number(h.handoutNo.slice(-4))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });
});

describe("roles", () => {
  it("supervisors read the book but cannot hand out; the admin has no part in it", async () => {
    expect((await refusalOf(supervisor.borrowing.certificates.handOut(owner({ certificateNo: "粤(2026)广州市不动产权第0000999号" })))).code).toBe("FORBIDDEN");
    expect((await refusalOf(admin.borrowing.certificates.list({}))).code).toBe("FORBIDDEN");
    const book = await supervisor.borrowing.certificates.list({ state: "valid", pageSize: 100 });
    expect(book.valid).toBe(book.total);
    expect(JSON.stringify(book)).not.toMatch(new RegExp(`${HUSBAND_ID}|${WIFE_ID}|13900001111`));
  });
});
