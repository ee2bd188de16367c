// Projects → buildings → units → clients → client-unit links (the estate the other generators
// link to). Every unit and client id is benchUuid() of its natural key, so records, complaints and
// contacts can name a unit or client by its slot without reading it back.
import type { Db } from "../../server/db/client";
import { createRng, type Rng } from "../../prisma/seed/prng";
import { GUANGZHOU_AREAS, guangzhouLandline, mobileNumber, residentId, unifiedSocialCreditCode } from "../../prisma/seed/identity";
import { COMPANY_TRADES, COMPANY_WORDS, FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from "../../prisma/seed/names";
import { benchUuid, sqlBenchUuid } from "./ids";
import { inBatches, insertRows, report, timed } from "./insert";

export type EstateOptions = { clients: number; projects: number; floors: number; unitsPerFloor: number; batch: number; seed: number };

const CO_OWNER_EVERY = 20; // every 20th client co-owns the previous client's unit
const ESTATE_HEADS = ["云山", "锦绣", "翠湖", "金沙", "珠江", "雅苑", "逸景", "汇景", "海怡", "星河", "天朗", "誉峰", "悦澜", "御景", "南湖", "凤凰"] as const;
const ESTATE_TAILS = ["花园", "豪庭", "名苑", "新城", "山庄", "公馆", "雅居", "湾"] as const;
const ROADS = ["大道", "路", "大街"] as const;

type ProjectRow = { id: string; code: string; name: string; city: string; address: string };
export type UnitRef = { unitId: string; buildingId: string; projectId: string; projectName: string; buildingName: string; number: string; label: string; address: string };

/** The estate's shape, computed from the options alone (no database read). */
export class EstateLayout {
  readonly buildings: number;
  readonly totalUnits: number;
  readonly projects: ProjectRow[];
  private readonly stride: number;

  constructor(readonly o: EstateOptions) {
    // Enough buildings that every client (minus co-owners) gets a unit of their own.
    const unitsNeeded = Math.max(1, o.clients - Math.floor(o.clients / CO_OWNER_EVERY));
    this.buildings = Math.max(1, Math.ceil(unitsNeeded / o.projects / (o.floors * o.unitsPerFloor)));
    this.totalUnits = o.projects * this.buildings * o.floors * o.unitsPerFloor;
    const rng = createRng(o.seed);
    this.projects = Array.from({ length: o.projects }, (_, i) => {
      const area = GUANGZHOU_AREAS[i % GUANGZHOU_AREAS.length]!;
      const code = `BM${String(i + 1).padStart(3, "0")}`;
      const name = `${ESTATE_HEADS[i % ESTATE_HEADS.length]}${ESTATE_TAILS[Math.floor(i / ESTATE_HEADS.length) % ESTATE_TAILS.length]}${i >= ESTATE_HEADS.length * ESTATE_TAILS.length ? i : ""}`;
      const address = `广州市${area.name}${rng.pick(ESTATE_HEADS)}${rng.pick(ROADS)} ${rng.int(1, 999)} 号`;
      return { id: benchUuid(`bench-project:${code}`), code, name, city: "广州市", address };
    });
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    let stride = 7919;
    while (gcd(stride, this.totalUnits) !== 1) stride++;
    this.stride = stride;
  }

  static buildingId(projectCode: string, buildingCode: string) {
    return benchUuid(`bench-building:${projectCode}:${buildingCode}`);
  }

  /** Unit `slot` (any integer ≥ 0) in an order that spreads consecutive slots over all projects. */
  unit(slot: number): UnitRef {
    const { floors, unitsPerFloor } = this.o;
    const u = (slot * this.stride) % this.totalUnits;
    const perProject = this.buildings * floors * unitsPerFloor;
    const p = this.projects[Math.floor(u / perProject)]!;
    const inProject = u % perProject;
    const b = Math.floor(inProject / (floors * unitsPerFloor)) + 1;
    const inBuilding = inProject % (floors * unitsPerFloor);
    const number = `${String(Math.floor(inBuilding / unitsPerFloor) + 1).padStart(2, "0")}${String((inBuilding % unitsPerFloor) + 1).padStart(2, "0")}`;
    const buildingId = EstateLayout.buildingId(p.code, String(b));
    return {
      unitId: benchUuid(`bench-unit:${buildingId}:${number}`),
      buildingId,
      projectId: p.id,
      projectName: p.name,
      buildingName: `${b}栋`,
      number,
      label: `${p.name} ${b}栋 ${number}`,
      address: `${p.address} ${p.name}${b}栋${number}房`,
    };
  }

  /** The estate's own clients: k in [0, clients). */
  static clientId(seed: number, k: number) {
    return benchUuid(`bench-client:${seed}:${k}`);
  }
}

export async function generateEstate(db: Db, layout: EstateLayout): Promise<void> {
  const o = layout.o;
  const rng = createRng(o.seed + 1);
  console.log(`[bench] estate: ${o.projects} projects × ${layout.buildings} buildings × ${o.floors} floors × ${o.unitsPerFloor} units = ${layout.totalUnits} units; ${o.clients} clients`);
  await timed("Project", async () => (await db.project.createMany({ data: layout.projects, skipDuplicates: true })).count);
  await timed("Building", async () => {
    const data = layout.projects.flatMap((p) =>
      Array.from({ length: layout.buildings }, (_, b) => ({ id: EstateLayout.buildingId(p.code, String(b + 1)), projectId: p.id, code: String(b + 1), name: `${b + 1}栋`, sortOrder: b + 1 })),
    );
    let n = 0;
    for (let i = 0; i < data.length; i += o.batch) n += (await db.building.createMany({ data: data.slice(i, i + o.batch), skipDuplicates: true })).count;
    return n;
  });
  // Units straight from generate_series: one statement per project. Areas are exact decimals
  // between 60.00 and 159.99 derived from floor and index.
  await timed("Unit", async () => {
    let n = 0;
    const unitId = sqlBenchUuid(`'bench-unit:' || b."id"::text || ':' || lpad(f::text, 2, '0') || lpad(i::text, 2, '0')`);
    for (const p of layout.projects) {
      n += await db.$executeRawUnsafe(
        `INSERT INTO "Unit" ("id", "buildingId", "number", "floor", "areaSqm")
         SELECT ${unitId}, b."id", lpad(f::text, 2, '0') || lpad(i::text, 2, '0'), f,
                (60 + (i * 37 + b."sortOrder" * 11) % 100 + ((f * 31 + i * 17) % 100) / 100.0)::numeric(10, 2)
         FROM "Building" b CROSS JOIN generate_series(1, $1::int) AS f CROSS JOIN generate_series(1, $2::int) AS i
         WHERE b."projectId" = $3::uuid
         ON CONFLICT ("buildingId", "number") DO NOTHING`,
        o.floors,
        o.unitsPerFloor,
        p.id,
      );
    }
    return n;
  });

  const idNumbers = new Set<string>();
  const unique = (make: () => string) => {
    for (;;) {
      const v = make();
      if (!idNumbers.has(v)) return idNumbers.add(v), v;
    }
  };
  let slot = -1;
  let clientSeconds = 0;
  let linkSeconds = 0;
  let links = 0;
  const t0 = performance.now();
  const clients = await inBatches("clients", o.clients, o.batch, async (from, to) => {
    const cs: Record<string, unknown>[] = [];
    const ls: Record<string, unknown>[] = [];
    for (let k = from; k < to; k++) {
      const coOwner = k % CO_OWNER_EVERY === CO_OWNER_EVERY - 1;
      if (!coOwner) slot++;
      const unit = layout.unit(slot);
      const id = EstateLayout.clientId(o.seed, k);
      const since = new Date(Date.UTC(rng.int(2008, 2025), rng.int(0, 11), rng.int(1, 28), rng.int(1, 9), rng.pick([0, 15, 30, 45])));
      if (k % 50 === 49) {
        const area = rng.pick(GUANGZHOU_AREAS);
        cs.push({ id, kind: "company", name: `广州市${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}有限公司`, idNumber: unique(() => unifiedSocialCreditCode(rng, area.code)), phone: guangzhouLandline(rng), address: unit.address, createdAt: since });
      } else {
        const male = rng.chance(0.5);
        cs.push({ id, kind: "individual", name: rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN), idNumber: unique(() => residentId(rng, { male })), phone: mobileNumber(rng), address: unit.address, createdAt: since });
      }
      ls.push({ clientId: id, unitId: unit.unitId, relation: coOwner || (k + 1) % CO_OWNER_EVERY === CO_OWNER_EVERY - 1 ? "co-owner" : "buyer", since });
    }
    const t1 = performance.now();
    const n = await insertRows(db, "Client", { id: "uuid", kind: `"ClientKind"`, name: "text", idNumber: "text", phone: "text", address: "text", createdAt: "timestamptz" }, cs);
    const t2 = performance.now();
    links += await insertRows(db, "ClientUnit", { clientId: "uuid", unitId: "uuid", relation: "text", since: "timestamptz" }, ls);
    clientSeconds += (t2 - t1) / 1000;
    linkSeconds += (performance.now() - t2) / 1000;
    return n;
  });
  console.log(`[bench] clients: ${((performance.now() - t0) / 1000 - clientSeconds - linkSeconds).toFixed(1)} s generating in JS (not in the rates below)`);
  report("Client", clients, clientSeconds);
  report("ClientUnit", links, linkSeconds);
}
