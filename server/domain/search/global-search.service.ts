import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { maskIdNumber, maskPhone } from "../privacy/mask";
import { parseSearchTerm, searchRecords } from "../archive/search.service";
import { ARCHIVE_READERS, visibleRecordsWhere } from "../archive/archive.policy";
import { hasAnyRole } from "../../auth/roles";
import { locationOf } from "../archive/records.select";
import { maySeeAnySlip } from "../borrowing/loan-views";
import { buildingNameVariants, parseUnitQuery } from "../units/unit-query";
import { searchGroupsFor } from "./search.policy";
import { documentNoPrefix } from "./search-terms";
import { prefixRange } from "./prefix-range";
import { ZGlobalSearch, type GlobalSearchKind, type TGlobalSearch } from "./search.schema";
import { containsText } from "./like-pattern";

// 全局搜索 (issue 10 §2): one box, grouped hits. Every lookup is an indexed one: units by number
// (Unit_number_idx), clients by exact phone / ID number or name prefix, records through the
// archive search's gram index, complaint and slip numbers by prefix of their unique column.
// Phones and ID numbers are matched whole only and shown masked (004 第二十三条).

type Viewer = { id: string; roles: readonly Role[] };
export type SearchHit = { id: string; title: string; subtitle: string | null; href: string | null; tag?: string | null };
export type SearchGroup = { kind: GlobalSearchKind; hits: SearchHit[]; more: boolean };

const unitLabel = (u: { number: string; building: { name: string; project: { name: string } } }) => `${u.building.project.name} ${u.building.name} ${u.number}`;

async function findUnits(db: Db, q: string, take: number) {
  const p = parseUnitQuery(q);
  if (!p) return [];
  const building: Prisma.BuildingWhereInput = {};
  if (p.building) building.OR = [{ code: p.building }, { name: { in: buildingNameVariants(p.building) } }];
  if (p.project) building.project = { OR: [{ name: containsText(p.project) }, { code: { equals: p.project, mode: "insensitive" } }] };
  const units = await db.unit.findMany({
    where: { number: { in: p.numbers }, building },
    orderBy: [{ building: { project: { code: "asc" } } }, { building: { sortOrder: "asc" } }, { number: "asc" }],
    take,
    select: { id: true, number: true, building: { select: { name: true, project: { select: { name: true } } } }, owners: { orderBy: { since: "asc" }, take: 3, select: { client: { select: { name: true } } } } },
  });
  return units.map((u) => ({ id: u.id, title: unitLabel(u), subtitle: u.owners.map((o) => o.client.name).join("、") || null, href: `/units/${u.id}` }));
}

async function findClients(db: Db, roles: readonly Role[], q: string, take: number) {
  const term = parseSearchTerm(q);
  if (!term) return [];
  let where: Prisma.ClientWhereInput;
  if (term.kind === "idNumber") where = { idNumber: { in: [term.value, term.value.toLowerCase()] } };
  else if (term.kind === "phone") where = { phone: { in: [...new Set([term.value, term.value.replace(/-/g, "")])] } };
  // Names only: digits in the box are a number of some kind, never a fragment of a phone.
  else if (!/\d/.test(q)) where = { name: prefixRange(q.trim()) };
  else return [];
  const clients = await db.client.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take,
    select: { id: true, name: true, kind: true, idNumber: true, phone: true, units: { orderBy: { since: "asc" }, take: 2, select: { unit: { select: { id: true, number: true, building: { select: { name: true, project: { select: { name: true } } } } } } } } },
  });
  return clients.map((c) => {
    const first = c.units[0]?.unit;
    return {
      id: c.id,
      title: c.name,
      subtitle: [maskPhone(c.phone) || maskIdNumber(c.idNumber), ...c.units.map((u) => unitLabel(u.unit))].filter(Boolean).join(" · ") || null,
      // No unit yet: the archive search by name, for those who may open it.
      href: first ? `/units/${first.id}` : hasAnyRole(roles, ARCHIVE_READERS) ? `/archive?q=${encodeURIComponent(c.name)}` : null,
    };
  });
}

async function findRecords(db: Db, roles: readonly Role[], q: string, take: number) {
  const prefix = documentNoPrefix(q);
  // A 档号 prefix ("KH-2026-00") is looked up on the unique 档号 index; anything else goes through
  // the archive search's gram index, with the same 机密 filter either way.
  const rows = prefix
    ? (
        await db.archiveRecord.findMany({
          where: { archiveNo: prefixRange(prefix), ...visibleRecordsWhere(roles) },
          orderBy: { archiveNo: "asc" },
          take,
          select: { id: true, archiveNo: true, title: true, confidentiality: true, cabinet: true, shelf: true, box: true, archiveClass: { select: { name: true } }, project: { select: { name: true } }, building: { select: { name: true } }, unit: { select: { number: true } } },
        })
      ).map((r) => ({ id: r.id, archiveNo: r.archiveNo, title: r.title, confidentiality: r.confidentiality, className: r.archiveClass.name, project: r.project?.name ?? null, building: r.building?.name ?? null, unit: r.unit?.number ?? null, location: locationOf(r) }))
    : (await searchRecords(db, roles, { q, pageSize: take }, { count: false })).rows;
  return rows.map((r) => ({
    id: r.id,
    title: `${r.archiveNo} ${r.title}`,
    subtitle: [r.className, [r.project, r.building, r.unit].filter(Boolean).join(" "), r.location].filter(Boolean).join(" · ") || null,
    href: `/archive/${r.id}`,
    tag: r.confidentiality,
  }));
}

async function findComplaints(db: Db, q: string, take: number) {
  const term = parseSearchTerm(q);
  const prefix = documentNoPrefix(q);
  let where: Prisma.ComplaintWhereInput;
  if (term?.kind === "phone") where = { contactPhone: { in: [...new Set([term.value, term.value.replace(/-/g, "")])] } };
  else if (prefix) where = { complaintNo: prefixRange(prefix) };
  else return [];
  const rows = await db.complaint.findMany({
    where,
    orderBy: { receivedAt: "desc" },
    take,
    select: { id: true, complaintNo: true, status: true, complainantName: true, contactPhone: true, category: { select: { name: true } } },
  });
  return rows.map((c) => ({ id: c.id, title: c.complaintNo, subtitle: [c.category.name, c.complainantName, maskPhone(c.contactPhone)].filter(Boolean).join(" · "), href: `/complaints/${c.id}`, tag: c.status }));
}

async function findLoans(db: Db, viewer: Viewer, q: string, take: number) {
  const prefix = documentNoPrefix(q);
  if (!prefix) return [];
  const rows = await db.borrowRequest.findMany({
    // Borrowers who do not keep the register see their own slips only, as on 我的借阅.
    where: { requestNo: prefixRange(prefix), ...(maySeeAnySlip(viewer.roles) ? {} : { requesterId: viewer.id }) },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, requestNo: true, status: true, purpose: true, requester: { select: { displayName: true } } },
  });
  return rows.map((l) => ({ id: l.id, title: l.requestNo, subtitle: `${l.requester.displayName} · ${l.purpose}`, href: `/borrowing/${l.id}`, tag: l.status }));
}

/** The groups this viewer may see, in a fixed order, each with up to `limit` hits. */
export async function globalSearch(db: Db, viewer: Viewer, raw: TGlobalSearch): Promise<{ q: string; groups: SearchGroup[] }> {
  const { q, limit } = ZGlobalSearch.parse(raw);
  const take = limit + 1;
  const kinds = searchGroupsFor(viewer.roles);
  const run: Record<GlobalSearchKind, () => Promise<SearchHit[]>> = {
    units: () => findUnits(db, q, take),
    clients: () => findClients(db, viewer.roles, q, take),
    records: () => findRecords(db, viewer.roles, q, take),
    complaints: () => findComplaints(db, q, take),
    loans: () => findLoans(db, viewer, q, take),
  };
  const found = await Promise.all(kinds.map((k) => run[k]()));
  return { q, groups: kinds.map((kind, i) => ({ kind, hits: found[i]!.slice(0, limit), more: found[i]!.length > limit })) };
}
