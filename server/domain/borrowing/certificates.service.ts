import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { shanghaiDay } from "../time";
import { maskIdNumber, maskPhone } from "../privacy/mask";
import { nextDocumentNo } from "../document-number";
import { prefixRange } from "../search/prefix-range";
import { checkIdentity, normaliseIdNumber, type Buyer } from "./identity-check";
import { ZCreateHandout, ZHandoutList, ZVoidHandout, type TCreateHandout, type THandoutList, type TVoidHandout } from "./certificate.schema";
import { cappedTotal, countLimit } from "../capped-count";
import { containsTextInsensitive } from "../search/like-pattern";

// 产权证领取 [000 §10.4, DOMAIN §2]: the certificate is handed to the owner after an identity check
// against the unit's buyers, or to an agent with a power of attorney; who handed it over, when,
// and the recipient's signature are recorded. A mistake is voided with a reason and recorded
// again; at most one valid hand-out per certificate (activeKey, unique in the database).

/** Certificate numbers compared as written on the certificate: full-width brackets and stray spaces do not make a second one. */
export function normaliseCertificateNo(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "");
}

const handoutSelect = {
  id: true,
  handoutNo: true,
  certificateNo: true,
  recipientKind: true,
  recipientName: true,
  recipientIdNumber: true,
  recipientPhone: true,
  powerOfAttorney: true,
  handedAt: true,
  confirmedAt: true,
  remarks: true,
  voidedAt: true,
  voidReason: true,
  handedBy: { select: { displayName: true } },
  voidedBy: { select: { displayName: true } },
  owner: { select: { id: true, name: true, kind: true, idNumber: true } },
  unit: { select: { id: true, number: true, building: { select: { name: true, project: { select: { name: true } } } } } },
} satisfies Prisma.CertificateHandoutSelect;

type RawHandout = Prisma.CertificateHandoutGetPayload<{ select: typeof handoutSelect }>;

/** What leaves the server: ID numbers and phones masked (004 第二十三条). */
function handoutOf(h: RawHandout) {
  return {
    id: h.id,
    handoutNo: h.handoutNo,
    certificateNo: h.certificateNo,
    unitId: h.unit.id,
    unitLabel: `${h.unit.building.project.name} ${h.unit.building.name} ${h.unit.number}`,
    ownerName: h.owner.name,
    ownerKind: h.owner.kind,
    ownerIdMasked: maskIdNumber(h.owner.idNumber),
    recipientKind: h.recipientKind,
    recipientName: h.recipientName,
    recipientIdMasked: maskIdNumber(h.recipientIdNumber),
    recipientPhoneMasked: maskPhone(h.recipientPhone),
    powerOfAttorney: h.powerOfAttorney,
    handedBy: h.handedBy.displayName,
    handedAt: h.handedAt,
    confirmedAt: h.confirmedAt,
    remarks: h.remarks,
    voidedAt: h.voidedAt,
    voidReason: h.voidReason,
    voidedBy: h.voidedBy?.displayName ?? null,
  };
}
export type HandoutView = ReturnType<typeof handoutOf>;

/** The hand-out book, newest first, with how many are valid and how many still wait for a signature. */
export async function listHandouts(db: Db, raw: THandoutList) {
  const input = ZHandoutList.parse(raw);
  const and: Prisma.CertificateHandoutWhereInput[] = [];
  if (input.q) {
    const q = containsTextInsensitive(input.q);
    and.push({ OR: [{ handoutNo: q }, { certificateNo: q }, { recipientName: q }, { owner: { name: q } }, { unit: { number: q } }] });
  }
  if (input.state === "valid") and.push({ voidedAt: null });
  if (input.state === "unconfirmed") and.push({ voidedAt: null, confirmedAt: null });
  if (input.state === "voided") and.push({ voidedAt: { not: null } });
  const where = and.length ? { AND: and } : {};
  const [rows, total, valid, unconfirmed] = await Promise.all([
    db.certificateHandout.findMany({ where, orderBy: [{ handedAt: "desc" }, { handoutNo: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize, select: handoutSelect }),
    db.certificateHandout.count({ where, take: countLimit(input.page, input.pageSize) }),
    db.certificateHandout.count({ where: { voidedAt: null } }),
    db.certificateHandout.count({ where: { voidedAt: null, confirmedAt: null } }),
  ]);
  return { rows: rows.map(handoutOf), ...cappedTotal(total, input.page, input.pageSize), valid, unconfirmed, page: input.page, pageSize: input.pageSize };
}

export async function getHandout(db: Db, handoutId: string) {
  const h = await db.certificateHandout.findUnique({ where: { id: handoutId }, select: handoutSelect });
  if (!h) throw new DomainError("NOT_FOUND");
  return handoutOf(h);
}

// ── the unit picker ─────────────────────────────────────────────────────────────────────────
export async function pickProjects(db: Db) {
  return db.project.findMany({
    where: { isActive: true },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, buildings: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, name: true } } },
  });
}

/** The building's units with their buyers' names (no ID numbers), for the cascading picker. */
export async function buildingUnits(db: Db, buildingId: string) {
  const units = await db.unit.findMany({
    where: { buildingId },
    orderBy: [{ floor: "asc" }, { number: "asc" }],
    select: { id: true, number: true, owners: { orderBy: [{ since: "asc" }, { clientId: "asc" }], select: { client: { select: { name: true } } } } },
  });
  return units.map((u) => ({ id: u.id, number: u.number, owners: u.owners.map((o) => o.client.name) }));
}

/**
 * Units by 房号 or a buyer's name, each as a prefix (an index range on Unit_number_idx and
 * Client_name_idx: a substring would read every unit and every client), for the search box
 * beside the picker. The two lookups are capped before the units are read.
 */
export async function searchUnits(db: Db, q: string) {
  const term = q.trim();
  const [byNumber, byOwner] = await Promise.all([
    db.unit.findMany({ where: { number: prefixRange(term.toUpperCase()), owners: { some: {} } }, orderBy: { number: "asc" }, take: 100, select: { id: true } }),
    db.clientUnit.findMany({ where: { client: { name: prefixRange(term) } }, take: 100, select: { unitId: true } }),
  ]);
  const ids = [...new Set([...byNumber.map((u) => u.id), ...byOwner.map((o) => o.unitId)])];
  if (ids.length === 0) return [];
  const units = await db.unit.findMany({
    where: { id: { in: ids } },
    orderBy: [{ building: { project: { code: "asc" } } }, { building: { sortOrder: "asc" } }, { number: "asc" }],
    take: 20,
    select: {
      id: true,
      number: true,
      building: { select: { id: true, name: true, project: { select: { id: true, name: true } } } },
      owners: { orderBy: [{ since: "asc" }, { clientId: "asc" }], select: { client: { select: { name: true } } } },
    },
  });
  return units.map((u) => ({
    id: u.id,
    number: u.number,
    projectId: u.building.project.id,
    buildingId: u.building.id,
    label: `${u.building.project.name} ${u.building.name} ${u.number}`,
    owners: u.owners.map((o) => o.client.name),
  }));
}

async function buyersOf(db: Db | Tx, unitId: string) {
  return db.clientUnit.findMany({
    where: { unitId },
    orderBy: [{ since: "asc" }, { clientId: "asc" }],
    select: { relation: true, client: { select: { id: true, name: true, kind: true, idNumber: true, phone: true } } },
  });
}

/** The contract's buyers of the unit, masked, and the certificates already handed out for it. */
export async function unitBuyers(db: Db, unitId: string) {
  const unit = await db.unit.findUnique({ where: { id: unitId }, select: { id: true, number: true, building: { select: { name: true, project: { select: { name: true } } } } } });
  if (!unit) throw new DomainError("NOT_FOUND");
  const [buyers, handouts] = await Promise.all([
    buyersOf(db, unitId),
    db.certificateHandout.findMany({ where: { unitId, voidedAt: null }, orderBy: { handedAt: "desc" }, select: handoutSelect }),
  ]);
  return {
    unitId: unit.id,
    label: `${unit.building.project.name} ${unit.building.name} ${unit.number}`,
    buyers: buyers.map((b) => ({
      id: b.client.id,
      name: b.client.name,
      kind: b.client.kind,
      relation: b.relation,
      idMasked: maskIdNumber(b.client.idNumber),
      hasIdNumber: !!b.client.idNumber,
      phoneMasked: maskPhone(b.client.phone),
    })),
    handouts: handouts.map(handoutOf),
  };
}

// ── hand-out, confirmation, void ───────────────────────────────────────────────────────────────
async function activeHandoutOf(db: Db | Tx, certificateNo: string) {
  return db.certificateHandout.findUnique({ where: { activeKey: certificateNo }, select: { handoutNo: true } });
}

/**
 * Records a hand-out: the identity check first (a wrong ID writes nothing, not even a number),
 * then the 领取确认单 number LQ-YYYY-NNNN and the row holding the certificate's activeKey. Two
 * clerks handing out the same certificate at once: the unique activeKey lets exactly one commit;
 * the other is told which hand-out has it.
 */
export async function createHandout(db: Db, actor: Actor & { id: string }, raw: TCreateHandout, now = () => new Date()) {
  const input = ZCreateHandout.parse(raw);
  const certificateNo = normaliseCertificateNo(input.certificateNo);
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, async (tx) => {
        const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, number: true, building: { select: { name: true, project: { select: { name: true } } } } } });
        if (!unit) throw new DomainError("NOT_FOUND");
        const rows = await buyersOf(tx, unit.id);
        const buyers: Buyer[] = rows.map((r) => ({ clientId: r.client.id, kind: r.client.kind, idNumber: r.client.idNumber }));
        const check = checkIdentity(buyers, input);
        if (!check.ok) throw new DomainError(check.code);
        const owner = rows.find((r) => r.client.id === input.ownerClientId)!.client;

        const active = await activeHandoutOf(tx, certificateNo);
        if (active) throw new DomainError("CERT_ALREADY_HANDED", { certificateNo, handoutNo: active.handoutNo });

        const at = now();
        const handoutNo = await nextDocumentNo(tx, "LQ", Number(shanghaiDay(at).slice(0, 4)));
        const isAgent = input.recipientKind === "agent";
        const created = await tx.certificateHandout.create({
          data: {
            handoutNo,
            unitId: unit.id,
            certificateNo,
            ownerClientId: owner.id,
            recipientKind: input.recipientKind,
            recipientName: isAgent ? input.agentName! : owner.name,
            recipientIdNumber: isAgent ? normaliseIdNumber(input.agentIdNumber) : normaliseIdNumber(owner.idNumber),
            recipientPhone: input.recipientPhone ?? null,
            powerOfAttorney: isAgent ? input.powerOfAttorney! : null,
            handedById: actor.id,
            handedAt: at,
            confirmedAt: input.confirmed ? at : null,
            remarks: input.remarks ?? null,
            activeKey: certificateNo,
          },
          select: handoutSelect,
        });
        const view = handoutOf(created);
        await writeAudit(tx, actor, {
          action: "certificate.handout",
          entity: "CertificateHandout",
          entityId: created.id,
          after: {
            handoutNo,
            certificateNo,
            unit: view.unitLabel,
            owner: owner.name,
            ownerIdMasked: view.ownerIdMasked,
            identityChecked: true,
            recipientKind: input.recipientKind,
            recipientName: view.recipientName,
            recipientIdMasked: view.recipientIdMasked,
            ...(isAgent ? { powerOfAttorney: view.powerOfAttorney } : {}),
            confirmed: input.confirmed,
          },
        });
        return view;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // The other clerk's hand-out committed first: name it. (Voided meanwhile → try again.)
      const active = await activeHandoutOf(db, certificateNo);
      if (active) throw new DomainError("CERT_ALREADY_HANDED", { certificateNo, handoutNo: active.handoutNo });
      if (attempt >= 5) throw e;
    }
  }
}

async function stateError(tx: Tx, handoutId: string): Promise<DomainError> {
  const h = await tx.certificateHandout.findUnique({ where: { id: handoutId }, select: { handoutNo: true } });
  return h ? new DomainError("CERT_WRONG_STATE", { handoutNo: h.handoutNo }) : new DomainError("NOT_FOUND");
}

/** The recipient signed the 领取确认单 (when it was not signed at the desk at once). */
export async function confirmHandout(db: Db, actor: Actor & { id: string }, handoutId: string, now = () => new Date()) {
  return inTransaction(db, async (tx) => {
    const at = now();
    const { count } = await tx.certificateHandout.updateMany({ where: { id: handoutId, voidedAt: null, confirmedAt: null }, data: { confirmedAt: at } });
    if (count !== 1) throw await stateError(tx, handoutId);
    const h = await tx.certificateHandout.findUniqueOrThrow({ where: { id: handoutId }, select: handoutSelect });
    await writeAudit(tx, actor, {
      action: "certificate.confirm",
      entity: "CertificateHandout",
      entityId: h.id,
      before: { handoutNo: h.handoutNo, confirmedAt: null },
      after: { handoutNo: h.handoutNo, confirmedAt: at.toISOString(), recipientName: h.recipientName },
    });
    return handoutOf(h);
  });
}

/** 作废 with a reason: the row stays, the certificate becomes free for a corrected hand-out. */
export async function voidHandout(db: Db, actor: Actor & { id: string }, raw: TVoidHandout, now = () => new Date()) {
  const input = ZVoidHandout.parse(raw);
  return inTransaction(db, async (tx) => {
    const at = now();
    const { count } = await tx.certificateHandout.updateMany({
      where: { id: input.handoutId, voidedAt: null },
      data: { voidedAt: at, voidReason: input.reason, voidedById: actor.id, activeKey: null },
    });
    if (count !== 1) throw await stateError(tx, input.handoutId);
    const h = await tx.certificateHandout.findUniqueOrThrow({ where: { id: input.handoutId }, select: handoutSelect });
    await writeAudit(tx, actor, {
      action: "certificate.void",
      entity: "CertificateHandout",
      entityId: h.id,
      before: { handoutNo: h.handoutNo, certificateNo: h.certificateNo, valid: true },
      after: { handoutNo: h.handoutNo, certificateNo: h.certificateNo, valid: false, reason: input.reason },
    });
    return handoutOf(h);
  });
}
