// ~50 fictional buyers (客户), each linked to one unit; generated from a fixed seed so every run
// produces the same people. Natural key: the ID number (身份证号 / 统一社会信用代码).
import type { Tx } from "../../server/db/tx";
import { createRng } from "./prng";
import { guangzhouLandline, mobileNumber, residentId, unifiedSocialCreditCode, GUANGZHOU_AREAS } from "./identity";
import { COMPANY_TRADES, COMPANY_WORDS, FEMALE_GIVEN, MALE_GIVEN, STREETS, SURNAMES } from "./names";
import { PROJECTS, buildingUnits, unitIdsByKey, type ProjectSeed } from "./projects";

export type ClientSeed = {
  kind: "individual" | "company";
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  /** "HJY/1/0101" */
  unitKey: string;
  relation: "buyer" | "co-owner";
  since: Date;
};

export const CLIENT_SEED = 20260302;
const COMPANY_EVERY = 10; // every 10th client (index 9, 19, …) is a company buyer
const CO_OWNER_PAIRS = [2, 14, 33]; // client i and i+1 own one unit together

/** The demo client list; pure and deterministic (same output for the same arguments). */
export function generateClients(count = 50, seed = CLIENT_SEED, projects: readonly ProjectSeed[] = PROJECTS): ClientSeed[] {
  const rng = createRng(seed);
  const pool = projects.flatMap((p) => p.buildings.flatMap((b) => buildingUnits(b).map((u) => ({ key: `${p.code}/${b.code}/${u.number}`, address: `${p.address} ${p.name}${b.name}${u.number}房` }))));
  const takeUnit = () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
  const names = new Set<string>();
  const ids = new Set<string>();
  const unique = (set: Set<string>, make: () => string) => {
    for (;;) {
      const v = make();
      if (!set.has(v)) return set.add(v), v;
    }
  };
  const out: ClientSeed[] = [];
  let unit = takeUnit();
  for (let i = 0; i < count; i++) {
    const sharesPrevious = CO_OWNER_PAIRS.includes(i - 1);
    if (i > 0 && !sharesPrevious) unit = takeUnit();
    // Contracts signed between 2019-01 and 2025-12, at office hours (China time, UTC+8).
    const since = new Date(Date.UTC(rng.int(2019, 2025), rng.int(0, 11), rng.int(1, 28), rng.int(1, 9), rng.pick([0, 15, 30, 45])));
    const relation = CO_OWNER_PAIRS.includes(i) || sharesPrevious ? "co-owner" : "buyer";
    if (i % COMPANY_EVERY === COMPANY_EVERY - 1 && relation === "buyer") {
      const street = rng.pick(STREETS);
      const area = GUANGZHOU_AREAS.find((a) => street.startsWith(a.name))!;
      out.push({
        kind: "company",
        name: unique(names, () => `广州市${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}有限公司`),
        idNumber: unique(ids, () => unifiedSocialCreditCode(rng, area.code)),
        phone: guangzhouLandline(rng),
        address: `广州市${street}${rng.int(1, 399)}号${rng.int(2, 30)}${String(rng.int(1, 20)).padStart(2, "0")}室`,
        unitKey: unit.key,
        relation,
        since,
      });
      continue;
    }
    // A co-owner pair is usually a married couple: opposite sexes, similar ages.
    const partner = sharesPrevious ? out[i - 1]!.idNumber : null;
    const male = partner ? Number(partner[16]) % 2 === 0 : rng.chance(0.5);
    const partnerYear = partner ? Number(partner.slice(6, 10)) : null;
    out.push({
      kind: "individual",
      name: unique(names, () => rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN)),
      idNumber: unique(ids, () => residentId(rng, partnerYear ? { male, birthYearFrom: partnerYear - 4, birthYearTo: partnerYear + 4 } : { male })),
      phone: mobileNumber(rng),
      address: rng.chance(0.7) ? unit.address : `广州市${rng.pick(STREETS)}${rng.int(1, 399)}号`,
      unitKey: unit.key,
      relation,
      since: sharesPrevious ? out[i - 1]!.since : since,
    });
  }
  return out;
}

export type ClientsSeedResult = { clients: number; clientUnits: number };

/** Creates the clients whose ID number is not on file yet, and their links to units. */
export async function seedClients(tx: Tx, clients: readonly ClientSeed[] = generateClients()): Promise<ClientsSeedResult> {
  const idNumbers = clients.map((c) => c.idNumber);
  const existing = new Set(
    (await tx.client.findMany({ where: { idNumber: { in: idNumbers } }, select: { idNumber: true } })).map((c) => c.idNumber),
  );
  const fresh = clients.filter((c) => !existing.has(c.idNumber));
  const createdClients = (
    await tx.client.createMany({
      data: fresh.map((c) => ({ kind: c.kind, name: c.name, idNumber: c.idNumber, phone: c.phone, address: c.address, createdAt: c.since })),
    })
  ).count;

  const clientId = new Map(
    (await tx.client.findMany({ where: { idNumber: { in: idNumbers } }, select: { id: true, idNumber: true } })).map((c) => [c.idNumber!, c.id]),
  );
  const unitId = await unitIdsByKey(tx, [...new Set(clients.map((c) => c.unitKey))]);
  const links = await tx.clientUnit.createMany({
    data: clients.map((c) => ({ clientId: clientId.get(c.idNumber)!, unitId: unitId.get(c.unitKey)!, relation: c.relation, since: c.since })),
    skipDuplicates: true,
  });
  return { clients: createdClients, clientUnits: links.count };
}
