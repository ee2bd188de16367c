import type { Db } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { Role } from "../../auth/roles";
import { maskIdNumber, maskPhone } from "../privacy/mask";
import { shanghaiDay } from "../time";
import { canSeeSecret, visibleRecordsWhere } from "./archive.policy";
import { dateOfDay, dayOf } from "./retention";
import { normaliseSearch, queryGrams } from "./search-text";
import { BUILDING_PICK_LIMIT, SEARCH_COUNT_CAP, ZBuildingSearch, ZSearchRecords, type TBuildingSearch, type TSearchRecords } from "./search.schema";
import { containsPattern, containsText, containsTextInsensitive } from "../search/like-pattern";

/** Days ahead that count as 即将到期 in the retention filter. */
export const EXPIRING_WITHIN_DAYS = 180;

export type SearchTerm = { kind: "idNumber" | "phone"; value: string } | { kind: "text"; value: string; grams: string[] } | null;

/**
 * What the search box holds. A whole ID number or phone is looked up exactly and only exactly
 * (004 第二十三条: personal data is not browsable by fragments); anything else is text — 档号,
 * title, client name, project/building/unit — matched as a substring through the gram index.
 */
export function parseSearchTerm(q: string | undefined): SearchTerm {
  const value = normaliseSearch(q ?? "");
  if (!value) return null;
  const compact = value.replace(/[\s-]/g, "");
  if (/^(\d{17}[\dx]|\d{15})$/.test(compact)) return { kind: "idNumber", value: compact.toUpperCase() };
  if (/^1\d{10}$/.test(compact) || /^0\d{9,11}$/.test(compact)) return { kind: "phone", value: value.replace(/\s/g, "") };
  return { kind: "text", value, grams: queryGrams(value) };
}

function addDays(day: string, n: number): string {
  return dayOf(new Date(dateOfDay(day).getTime() + n * 86_400_000));
}

/** The Prisma filter for a search, or null when nothing can match (an unknown ID number). */
async function whereFor(db: Db, roles: readonly Role[], input: ReturnType<typeof ZSearchRecords.parse>): Promise<Prisma.ArchiveRecordWhereInput | null> {
  const and: Prisma.ArchiveRecordWhereInput[] = [visibleRecordsWhere(roles)];
  const term = parseSearchTerm(input.q);
  if (term?.kind === "text") {
    // GIN (searchGrams @> grams) narrows to candidates; LIKE on searchText confirms the substring.
    and.push({ searchGrams: { hasEvery: term.grams }, searchText: containsText(term.value) });
  } else if (term) {
    // Exact match on the indexed column; phones may be stored with or without the area-code dash.
    const phones = term.kind === "phone" ? [...new Set([term.value, term.value.replace(/-/g, "")])] : [];
    const clients = await db.client.findMany({
      where: term.kind === "idNumber" ? { idNumber: { in: [term.value, term.value.toLowerCase()] } } : { phone: { in: phones } },
      select: { id: true },
      take: 100,
    });
    if (clients.length === 0) return null;
    and.push({ clientId: { in: clients.map((c) => c.id) } });
  }
  if (input.classId) and.push({ classId: input.classId });
  if (input.status) and.push({ status: input.status });
  if (input.confidentiality) and.push({ confidentiality: input.confidentiality });
  if (input.projectId) and.push({ projectId: input.projectId });
  if (input.buildingId) and.push({ buildingId: input.buildingId });
  if (input.unit) and.push({ unit: { number: input.unit } });
  if (input.formedFrom) and.push({ formedOn: { gte: dateOfDay(input.formedFrom) } });
  if (input.formedTo) and.push({ formedOn: { lte: dateOfDay(input.formedTo) } });
  if (input.retention) {
    const today = shanghaiDay(new Date());
    and.push(
      input.retention === "expired"
        ? { expiresOn: { lte: dateOfDay(today) } }
        : { expiresOn: { gt: dateOfDay(today), lte: dateOfDay(addDays(today, EXPIRING_WITHIN_DAYS)) } },
    );
  }
  return { AND: and };
}

const rowSelect = {
  id: true,
  archiveNo: true,
  title: true,
  formedOn: true,
  retentionYears: true,
  expiresOn: true,
  confidentiality: true,
  cabinet: true,
  shelf: true,
  box: true,
  status: true,
  archiveClass: { select: { code: true, name: true } },
  project: { select: { name: true } },
  building: { select: { name: true } },
  unit: { select: { number: true } },
  // Read to be masked below; never returned as is.
  client: { select: { id: true, name: true, idNumber: true, phone: true } },
} satisfies Prisma.ArchiveRecordSelect;

/** A page this deep or shallower may walk the sort column's index for a frequent term. */
export const INDEX_WALK_MAX_ROWS = 200;

/**
 * How to read the page once the capped count is known. A rare text term (≤ SEARCH_COUNT_CAP
 * matches) lets the gram index find every match and sorts them: at most a thousand rows. A
 * frequent one would hand every match — 70 000 of 1M records for a 4-character estate name — to
 * the sort for one page of 50, so it walks the sort column's btree in order instead and confirms
 * each row with LIKE: at ≥ 0.1 % density a page of 50 is found within ~50 000 index entries,
 * usually far fewer. Deep pages of a frequent term keep the sort (the walk grows with the page).
 */
export function pageStrategy(counted: number, skip: number, take: number): "sort" | "walk" {
  return counted > SEARCH_COUNT_CAP && skip + take <= INDEX_WALK_MAX_ROWS ? "walk" : "sort";
}

/**
 * 档案检索: one page of records the user may see, with a count that stops at SEARCH_COUNT_CAP
 * (an unbounded COUNT is what makes list pages slow on a large archive).
 */
export async function searchRecords(db: Db, roles: readonly Role[], raw: TSearchRecords, opts: SearchOptions = {}) {
  const input = ZSearchRecords.parse(raw);
  const empty = { rows: [], total: 0, totalCapped: false, page: input.page, pageSize: input.pageSize };
  const where = await whereFor(db, roles, input);
  if (!where) return empty;
  const page = {
    where,
    // 档号 is unique; the other sort columns are broken by id in the same direction, the order of
    // their (column, id) indexes, which a frequent term walks (walkSortIndex).
    orderBy: input.sort === "archiveNo" ? [{ archiveNo: input.dir }] : [{ [input.sort]: input.dir }, { id: input.dir }],
    skip: (input.page - 1) * input.pageSize,
    take: input.pageSize,
    select: rowSelect,
  } satisfies Prisma.ArchiveRecordFindManyArgs;
  const count = () => db.archiveRecord.count({ where, take: SEARCH_COUNT_CAP + 1 });
  let rows: Prisma.ArchiveRecordGetPayload<{ select: typeof rowSelect }>[];
  let counted: number;
  const term = parseSearchTerm(input.q);
  const probed = term?.kind === "text" && !hasFiltersBesidesText(input) && page.skip + page.take <= INDEX_WALK_MAX_ROWS ? await probeSortIndex(db, roles, term, input, page.skip + page.take, opts) : null;
  if (term?.kind === "text" && probed) {
    // The first rows in sort order held the whole page: it is exact, and so is "1000+" when the
    // probe met more matches than the cap; only a count below the cap still needs the gram index.
    rows = await rowsInOrder(db, probed.ids.slice(page.skip, page.skip + page.take));
    counted = probed.ids.length > SEARCH_COUNT_CAP || opts.count === false ? probed.ids.length : await countTextMatches(db, roles, term);
  } else if (term?.kind === "text") {
    // The count decides how the page is read, so it comes first; the header's global search,
    // which shows no total, needs it for the same decision.
    counted = hasFiltersBesidesText(input) ? await count() : await countTextMatches(db, roles, term);
    rows = pageStrategy(counted, page.skip, page.take) === "walk" ? await walkSortIndex(db, page) : await db.archiveRecord.findMany(page);
  } else {
    [rows, counted] = await Promise.all([db.archiveRecord.findMany(page), opts.count === false ? 0 : count()]);
  }
  return {
    rows: rows.map((r) => ({
      id: r.id,
      archiveNo: r.archiveNo,
      title: r.title,
      classCode: r.archiveClass.code,
      className: r.archiveClass.name,
      project: r.project?.name ?? null,
      building: r.building?.name ?? null,
      unit: r.unit?.number ?? null,
      client: r.client ? { id: r.client.id, name: r.client.name, masked: maskIdNumber(r.client.idNumber) || maskPhone(r.client.phone) } : null,
      formedOn: dayOf(r.formedOn),
      retentionYears: r.retentionYears,
      expiresOn: r.expiresOn ? dayOf(r.expiresOn) : null,
      confidentiality: r.confidentiality,
      location: [r.cabinet, r.shelf, r.box].filter(Boolean).join("-") || null,
      status: r.status,
    })),
    total: Math.min(counted, SEARCH_COUNT_CAP),
    totalCapped: counted > SEARCH_COUNT_CAP,
    page: input.page,
    pageSize: input.pageSize,
  };
}

function hasFiltersBesidesText(input: ReturnType<typeof ZSearchRecords.parse>): boolean {
  const { classId, status, confidentiality, projectId, buildingId, unit, formedFrom, formedTo, retention } = input;
  return [classId, status, confidentiality, projectId, buildingId, unit, formedFrom, formedTo, retention].some((v) => v !== undefined && v !== "");
}

/**
 * The capped count of a text term alone (what the box holds without other filters), in SQL:
 * Prisma's `count({ take })` adds `ORDER BY id` under its LIMIT, which made PostgreSQL sort
 * every match (71 263 for 买卖合同 at 1M records, 1.3 s) to count the first 1 001. Without the
 * ORDER BY the bitmap heap scan stops after 1 001 confirmed rows. Same conditions as whereFor:
 * the gram containment, the same escaped LIKE, and the 机密 filter.
 */
async function countTextMatches(db: Db, roles: readonly Role[], term: { value: string; grams: string[] }): Promise<number> {
  const visible = canSeeSecret(roles) ? Prisma.empty : Prisma.sql`AND "confidentiality" <> 'secret'`;
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM (
      SELECT 1 FROM "ArchiveRecord"
      WHERE "searchGrams" @> ${term.grams}::text[] AND "searchText" LIKE ${containsPattern(term.value)} ${visible}
      LIMIT ${SEARCH_COUNT_CAP + 1}
    ) AS capped`;
  return row?.n ?? 0;
}

/**
 * Rows of the sort index a text search reads: `head` first, to see whether the term is frequent
 * enough to fill the page there (a rare name is not, and costs ~1 000 row reads before the gram
 * index), then `full` for the matches up to the count cap.
 */
export const PROBE_ROWS = { head: 1_000, full: 10_000 } as const;

type SearchOptions = { count?: boolean; probe?: { head: number; full: number } };

const PROBE_ORDER = {
  archiveNo: { asc: Prisma.sql`"archiveNo" ASC`, desc: Prisma.sql`"archiveNo" DESC` },
  formedOn: { asc: Prisma.sql`"formedOn" ASC, "id" ASC`, desc: Prisma.sql`"formedOn" DESC, "id" DESC` },
  createdAt: { asc: Prisma.sql`"createdAt" ASC, "id" ASC`, desc: Prisma.sql`"createdAt" DESC, "id" DESC` },
} as const;

/**
 * A text term without other filters, read from the sort column's btree: the matches among the
 * first records in the page's order, or null when they do not fill the page (the caller then
 * goes the gram index's way). For 买卖合同 at 1M records (16 % of titles) the page is in the head
 * and the count cap is passed within ~6 000 rows (~20–60 ms), where intersecting the three
 * bigrams' posting lists in the GIN index to count the matches took 300 ms, every time. Exact,
 * not an estimate: the ids are the first matches in order, and more than the cap among them is
 * more than the cap in all. LIKE alone decides here: the grams are made from the same
 * searchText (recordSearchText), so a row whose text holds the term holds its grams, and
 * reading each row's gram array cost more than the LIKE.
 */
async function probeSortIndex(db: Db, roles: readonly Role[], term: { value: string }, input: ReturnType<typeof ZSearchRecords.parse>, need: number, opts: SearchOptions) {
  const sizes = opts.probe ?? PROBE_ROWS;
  const head = await matchesInHead(db, roles, term, input, sizes.head, need);
  if (head.length < need) return null;
  // The global search shows no total: the page is all it needs.
  if (opts.count === false) return { ids: head };
  return { ids: await matchesInHead(db, roles, term, input, sizes.full, SEARCH_COUNT_CAP + 1) };
}

async function matchesInHead(db: Db, roles: readonly Role[], term: { value: string }, input: ReturnType<typeof ZSearchRecords.parse>, rows: number, limit: number) {
  const visible = canSeeSecret(roles) ? Prisma.empty : Prisma.sql`AND "confidentiality" <> 'secret'`;
  const order = PROBE_ORDER[input.sort][input.dir];
  const found = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM (
      SELECT "id", "archiveNo", "formedOn", "createdAt", "searchText", "confidentiality"
      FROM "ArchiveRecord" ORDER BY ${order} LIMIT ${rows}
    ) AS "head"
    WHERE "searchText" LIKE ${containsPattern(term.value)} ${visible}
    ORDER BY ${order}
    LIMIT ${limit}`;
  return found.map((r) => r.id);
}

/** The rows of these ids, in the ids' order. */
async function rowsInOrder(db: Db, ids: string[]) {
  const found = await db.archiveRecord.findMany({ where: { id: { in: ids } }, select: rowSelect });
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The page of a frequent term read in the sort column's order. The planner misjudges how many
 * rows the gram index returns (its estimate for `@>` was 100× too low at 1M records), so it is
 * told: no bitmap scan (the only way to use a GIN index) and no sequential scan, in this read's
 * transaction only, which leaves the btree of the ORDER BY column (ArchiveRecord_archiveNo_key,
 * _formedOn_idx, _createdAt_confidentiality_idx) read in order until the page is full.
 */
async function walkSortIndex(db: Db, page: Prisma.ArchiveRecordFindManyArgs & { select: typeof rowSelect }) {
  return db.$transaction(async (tx) => {
    // The planner still prices the walk by its low estimate: without jit and parallel workers
    // off it would spend seconds compiling and starting workers for a read of a few hundred rows.
    await tx.$queryRaw`SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`;
    return tx.archiveRecord.findMany(page);
  });
}

/**
 * Choices for the search filters: active classes and projects. Buildings are searched as you type
 * (searchBuildings); only the one in the URL is named here, so the picker can show it.
 */
export async function searchFilterOptions(db: Db, opts: { buildingId?: string } = {}) {
  const [classes, projects, building] = await Promise.all([
    db.archiveClass.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, name: true } }),
    db.project.findMany({ where: { isActive: true }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
    opts.buildingId ? db.building.findUnique({ where: { id: opts.buildingId }, select: buildingPickSelect }) : null,
  ]);
  return { classes, projects, building: building && buildingPick(building) };
}

const buildingPickSelect = { id: true, name: true, project: { select: { name: true } } } satisfies Prisma.BuildingSelect;
function buildingPick(b: Prisma.BuildingGetPayload<{ select: typeof buildingPickSelect }>) {
  return { id: b.id, label: `${b.project.name} ${b.name}` };
}

/**
 * Buildings of active projects whose project or building name holds every word typed
 * ("云山 3栋"), at most BUILDING_PICK_LIMIT of them; the Building table is small (one row per
 * building, not per unit), so a contains match stays cheap at any archive size.
 */
export async function searchBuildings(db: Db, input: TBuildingSearch) {
  const { q, projectId } = ZBuildingSearch.parse(input);
  const words = q.split(/\s+/).filter(Boolean);
  const rows = await db.building.findMany({
    where: {
      project: { isActive: true },
      ...(projectId && { projectId }),
      AND: words.map((w) => ({ OR: [{ name: containsTextInsensitive(w) }, { code: containsTextInsensitive(w) }, { project: { name: containsTextInsensitive(w) } }] })),
    },
    orderBy: [{ project: { code: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
    take: BUILDING_PICK_LIMIT + 1,
    select: buildingPickSelect,
  });
  return { items: rows.slice(0, BUILDING_PICK_LIMIT).map(buildingPick), more: rows.length > BUILDING_PICK_LIMIT };
}
