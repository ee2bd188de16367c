import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { DomainError } from "../errors";
import { maskIdNumber, maskPhone } from "../privacy/mask";
import { startOfShanghaiDay } from "../time";
import { canSeeSecret, visibleRecordsWhere } from "../archive/archive.policy";
import { checkCompleteness, type Condition } from "../archive/completeness";
import { locationOf } from "../archive/records.select";
import { dayOf } from "../archive/retention";
import { complaintClocks } from "../complaints/clocks";
import { clockTimesSelect } from "../complaints/complaints.read";
import { isLoanOverdue } from "../borrowing/overdue";
import { unitSectionsFor } from "./units.policy";
import { orderTimeline, timelineByDay, type TimelineEntry } from "./timeline";

// 一户一档 (issue 10 §1): one read joining what each module knows about a unit. Each section is
// read only when the viewer's roles may see it (units.policy), and with that module's own
// object rules (机密 records, one's own loans); ID numbers and phones leave masked.

type Viewer = { id: string; roles: readonly Role[] };

// A unit's page shows the newest SECTION_LIMIT entries of each busy section (a unit's files can be
// lent hundreds of times over the years); the module's own list holds the rest. One more row is
// read to know whether there are more.
export const SECTION_LIMIT = 20;
export const RECORDS_LIMIT = 100;
/** The timeline repeats the sections' dates: its newest entries are enough on the page. */
export const TIMELINE_LIMIT = 40;

const recordSelect = {
  id: true,
  archiveNo: true,
  title: true,
  formedOn: true,
  status: true,
  confidentiality: true,
  cabinet: true,
  shelf: true,
  box: true,
  conditions: true,
  classId: true,
  archiveClass: { select: { code: true, name: true, isClientFile: true } },
  client: { select: { name: true, kind: true } },
  paperItems: { select: { name: true, count: true } },
} satisfies Prisma.ArchiveRecordSelect;

async function readHeader(db: Db, unitId: string) {
  const unit = await db.unit.findUnique({
    where: { id: unitId },
    select: { id: true, number: true, floor: true, areaSqm: true, building: { select: { id: true, name: true, project: { select: { id: true, name: true, code: true } } } } },
  });
  if (!unit) throw new DomainError("NOT_FOUND");
  return {
    id: unit.id,
    number: unit.number,
    floor: unit.floor,
    areaSqm: unit.areaSqm?.toString() ?? null,
    building: { id: unit.building.id, name: unit.building.name },
    project: unit.building.project,
    label: `${unit.building.project.name} ${unit.building.name} ${unit.number}`,
  };
}

async function readOwners(db: Db, unitId: string) {
  const rows = await db.clientUnit.findMany({
    where: { unitId },
    orderBy: [{ since: "asc" }, { clientId: "asc" }],
    select: { relation: true, since: true, client: { select: { id: true, name: true, kind: true, idNumber: true, phone: true } } },
  });
  return rows.map((r) => ({
    clientId: r.client.id,
    name: r.client.name,
    kind: r.client.kind,
    relation: r.relation,
    since: r.since,
    idMasked: maskIdNumber(r.client.idNumber),
    phoneMasked: maskPhone(r.client.phone),
  }));
}

async function readRecords(db: Db, roles: readonly Role[], unitId: string) {
  const rows = await db.archiveRecord.findMany({
    where: { unitId, ...visibleRecordsWhere(roles) },
    orderBy: [{ formedOn: "asc" }, { archiveNo: "asc" }],
    take: RECORDS_LIMIT + 1,
    select: recordSelect,
  });
  const classIds = [...new Set(rows.filter((r) => r.archiveClass.isClientFile).map((r) => r.classId))];
  const checklist = classIds.length
    ? await db.checklistItem.findMany({ where: { classId: { in: classIds }, isActive: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { classId: true, name: true, requiredCount: true, condition: true } })
    : [];
  return rows.map((r) => {
    const list = checklist.filter((c) => c.classId === r.classId);
    const completeness = r.archiveClass.isClientFile && list.length > 0 ? checkCompleteness(list, r.client?.kind ?? null, r.conditions as Condition[], r.paperItems) : null;
    return {
      id: r.id,
      archiveNo: r.archiveNo,
      title: r.title,
      className: r.archiveClass.name,
      classCode: r.archiveClass.code,
      isClientFile: r.archiveClass.isClientFile,
      formedOn: dayOf(r.formedOn),
      status: r.status,
      confidentiality: r.confidentiality,
      location: locationOf(r),
      clientName: r.client?.name ?? null,
      completeness: completeness ? { percent: completeness.percent, missing: completeness.missing.map((m) => m.name) } : null,
    };
  });
}

async function readLoans(db: Db, viewer: Viewer, unitId: string, scope: "all" | "own", now: Date) {
  const rows = await db.borrowRequest.findMany({
    where: {
      ...(scope === "own" ? { requesterId: viewer.id } : {}),
      items: { some: { record: { unitId, ...visibleRecordsWhere(viewer.roles) } } },
    },
    orderBy: { createdAt: "desc" },
    take: SECTION_LIMIT + 1,
    select: {
      id: true,
      requestNo: true,
      status: true,
      purpose: true,
      dueOn: true,
      createdAt: true,
      lentAt: true,
      returnedAt: true,
      requester: { select: { displayName: true } },
      items: { where: { record: { unitId } }, select: { record: { select: { id: true, archiveNo: true, confidentiality: true } } } },
    },
  });
  return rows.map((l) => ({
    id: l.id,
    requestNo: l.requestNo,
    status: l.status,
    purpose: l.purpose,
    borrower: l.requester.displayName,
    dueOn: dayOf(l.dueOn),
    createdAt: l.createdAt,
    lentAt: l.lentAt,
    returnedAt: l.returnedAt,
    overdue: isLoanOverdue({ status: l.status, dueOn: dayOf(l.dueOn) }, now),
    // A slip may hold a 机密 file of this unit beside others: list only those the viewer may see.
    records: l.items.map((i) => i.record).filter((r) => r.confidentiality !== "secret" || canSeeSecret(viewer.roles)).map((r) => ({ id: r.id, archiveNo: r.archiveNo })),
  }));
}

async function readComplaints(db: Db, unitId: string, now: Date) {
  const [complaints, repairs] = await Promise.all([
    db.complaint.findMany({
      where: { unitId },
      orderBy: { receivedAt: "desc" },
      take: SECTION_LIMIT + 1,
      select: {
        ...clockTimesSelect,
        id: true,
        complaintNo: true,
        severity: true,
        complainantName: true,
        content: true,
        closedAt: true,
        category: { select: { name: true } },
        callbacks: { orderBy: { calledAt: "asc" }, select: { id: true, calledByName: true, calledAt: true, satisfaction: true, remarks: true } },
      },
    }),
    db.repairOrder.findMany({
      // A work order raised from a complaint may name only the complaint; it still belongs here.
      where: { OR: [{ unitId }, { complaint: { unitId } }] },
      orderBy: { createdAt: "desc" },
      take: SECTION_LIMIT + 1,
      select: {
        id: true,
        orderNo: true,
        status: true,
        location: true,
        description: true,
        createdAt: true,
        doneAt: true,
        callbacks: { orderBy: { calledAt: "asc" }, select: { id: true, calledByName: true, calledAt: true, satisfaction: true, remarks: true } },
      },
    }),
  ]);
  return {
    complaints: complaints.map(({ category, ...c }) => ({ ...c, category: category.name, clocks: complaintClocks(c, now) })),
    repairs,
  };
}

async function readCertificates(db: Db, unitId: string) {
  const rows = await db.certificateHandout.findMany({
    where: { unitId },
    orderBy: { handedAt: "desc" },
    take: SECTION_LIMIT + 1,
    select: { id: true, handoutNo: true, certificateNo: true, recipientKind: true, recipientName: true, recipientIdNumber: true, handedAt: true, confirmedAt: true, voidedAt: true, voidReason: true, owner: { select: { name: true } }, handedBy: { select: { displayName: true } } },
  });
  return rows.map(({ recipientIdNumber, owner, handedBy, ...h }) => ({ ...h, recipientIdMasked: maskIdNumber(recipientIdNumber), ownerName: owner.name, handedBy: handedBy.displayName }));
}

type Sections = {
  owners: Awaited<ReturnType<typeof readOwners>> | null;
  records: Awaited<ReturnType<typeof readRecords>> | null;
  loans: Awaited<ReturnType<typeof readLoans>> | null;
  complaints: Awaited<ReturnType<typeof readComplaints>>["complaints"] | null;
  repairs: Awaited<ReturnType<typeof readComplaints>>["repairs"] | null;
  certificates: Awaited<ReturnType<typeof readCertificates>> | null;
};

/** Every dated fact of the sections the viewer got, for the timeline. */
export function timelineEntries(s: Sections): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const push = (at: Date | null | undefined, kind: TimelineEntry["kind"], ref: string, title: string, href: string | null) => {
    if (at) out.push({ at, kind, ref, title, href });
  };
  for (const o of s.owners ?? []) push(o.since, "ownerSince", o.name, o.name, null);
  for (const r of s.records ?? []) push(startOfShanghaiDay(r.formedOn), "recordFormed", r.archiveNo, r.title, `/archive/${r.id}`);
  for (const l of s.loans ?? []) {
    const title = l.records.map((r) => r.archiveNo).join("、") || l.purpose;
    push(l.createdAt, "loanRequested", l.requestNo, title, `/borrowing/${l.id}`);
    push(l.lentAt, "loanLent", l.requestNo, title, `/borrowing/${l.id}`);
    push(l.returnedAt, "loanReturned", l.requestNo, title, `/borrowing/${l.id}`);
  }
  for (const c of s.complaints ?? []) {
    const title = `${c.category} · ${c.complainantName}`;
    push(c.receivedAt, "complaintReceived", c.complaintNo, title, `/complaints/${c.id}`);
    push(c.resolvedAt, "complaintResolved", c.complaintNo, title, `/complaints/${c.id}`);
    for (const cb of c.callbacks) push(cb.calledAt, "callback", c.complaintNo, cb.calledByName, `/complaints/${c.id}`);
    push(c.closedAt, "complaintClosed", c.complaintNo, title, `/complaints/${c.id}`);
  }
  for (const r of s.repairs ?? []) {
    push(r.createdAt, "repairRegistered", r.orderNo, r.location, `/complaints/repairs/${r.id}`);
    push(r.doneAt, "repairDone", r.orderNo, r.location, `/complaints/repairs/${r.id}`);
    for (const cb of r.callbacks) push(cb.calledAt, "callback", r.orderNo, cb.calledByName, `/complaints/repairs/${r.id}`);
  }
  for (const h of s.certificates ?? []) {
    push(h.handedAt, "certificateHanded", h.handoutNo, h.certificateNo, `/borrowing/certificates/${h.id}`);
    push(h.voidedAt, "certificateVoided", h.handoutNo, h.certificateNo, `/borrowing/certificates/${h.id}`);
  }
  return out;
}

/** The unit page: header, the sections this viewer may see (null = no section), and the timeline. */
export async function getUnitPage(db: Db, viewer: Viewer, unitId: string, now = new Date()) {
  const access = unitSectionsFor(viewer.roles);
  const unit = await readHeader(db, unitId);
  const [owners, records, loans, service, certificates] = await Promise.all([
    access.owners ? readOwners(db, unitId) : null,
    access.archive ? readRecords(db, viewer.roles, unitId) : null,
    access.loans ? readLoans(db, viewer, unitId, access.loans, now) : null,
    access.complaints ? readComplaints(db, unitId, now) : null,
    access.certificates ? readCertificates(db, unitId) : null,
  ]);
  const cut = <T,>(rows: T[] | null, limit: number) => (rows ? rows.slice(0, limit) : null);
  const sections: Sections = {
    owners,
    records: cut(records, RECORDS_LIMIT),
    loans: cut(loans, SECTION_LIMIT),
    complaints: cut(service?.complaints ?? null, SECTION_LIMIT),
    repairs: cut(service?.repairs ?? null, SECTION_LIMIT),
    certificates: cut(certificates, SECTION_LIMIT),
  };
  const more = {
    records: (records?.length ?? 0) > RECORDS_LIMIT,
    loans: (loans?.length ?? 0) > SECTION_LIMIT,
    complaints: (service?.complaints.length ?? 0) > SECTION_LIMIT,
    repairs: (service?.repairs.length ?? 0) > SECTION_LIMIT,
    certificates: (certificates?.length ?? 0) > SECTION_LIMIT,
  };
  const entries = orderTimeline(timelineEntries(sections));
  return { unit, access, ...sections, more: { ...more, timeline: entries.length > TIMELINE_LIMIT }, timeline: timelineByDay(entries.slice(0, TIMELINE_LIMIT)) };
}
