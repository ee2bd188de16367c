import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { ROLES, type Role } from "../../server/auth/roles";
import { DomainError } from "../../server/domain/errors";
import type { SessionUser } from "../../server/domain/accounts/session";
import { callerFor, createTestUser, sessionFor, useTestDatabase } from "./helpers";
import { allows, listProcedures, procedureOf, type Proc } from "./procedure-list";

// Procedure × role walk. Every procedure of appRouter — found by walking the router, so new
// routers are covered the day they are added — is called by a user holding each single role,
// and by nobody, with an empty input. What the procedure's meta promises is what must happen:
//   nobody                      → UNAUTHORIZED (unless public)
//   a role the meta leaves out  → FORBIDDEN
//   a role the meta allows      → past the guard (BAD_REQUEST from validation, NOT_FOUND … are fine)
// An allowed mutation must refuse the empty input: the walk must never change data.

const procedures = await listProcedures();

/** Mutations that legitimately succeed with no input (none yet). Each needs a reason here. */
const MUTATIONS_WITHOUT_INPUT = new Set<string>([]);
/** Mutations every signed-in user needs for their own account and inbox, the auditor included. */
const SELF_SERVICE = /^(account|notifications)\./;
/** Business decisions that the admin must never hold (等保 2.0 separation of duties). */
const BUSINESS_DECISION = /approv|finali[sz]|weed|destroy|destruct/i;

const t = useTestDatabase();
const sessions = new Map<Role | "all", SessionUser>();
let pending: SessionUser;

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await t.db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
    out[name] = Number(row?.n ?? 0);
  }
  return out;
}
let countsBefore: Record<string, number>;

beforeAll(async () => {
  for (const role of ROLES) {
    const u = await createTestUser(t.db, { roles: [role], loginName: `walk-${role}` });
    sessions.set(role, await sessionFor(t.db, u));
  }
  const all = await createTestUser(t.db, { roles: [...ROLES], loginName: "walk-all" });
  sessions.set("all", await sessionFor(t.db, all));
  const p = await createTestUser(t.db, { roles: [...ROLES], loginName: "walk-pending", mustChangePassword: true });
  pending = await sessionFor(t.db, p, { mustChangePassword: true });
  countsBefore = await tableCounts();
});

afterAll(async () => {
  // The walk is read-only by construction; prove it.
  if (countsBefore) expect(await tableCounts()).toEqual(countsBefore);
});

type Outcome = { ok: true } | { ok: false; code: string; domainCode: string | null; message: string };

async function callAs(user: SessionUser | null, path: string): Promise<Outcome> {
  const fn = procedureOf(callerFor(t.db, user), path);
  try {
    await fn({});
    return { ok: true };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { ok: false, code: e.code, domainCode: e.cause instanceof DomainError ? e.cause.code : null, message: e.message };
  }
}

function expectPastTheGuard(proc: Proc, who: string, out: Outcome) {
  const where = `${proc.path} as ${who}`;
  if (out.ok) {
    expect(proc.type === "mutation" && !MUTATIONS_WITHOUT_INPUT.has(proc.path), `${where}: a mutation accepted an empty input`).toBe(false);
    return;
  }
  expect(["UNAUTHORIZED", "FORBIDDEN", "INTERNAL_SERVER_ERROR"], `${where}: ${out.code} (${out.domainCode ?? out.message})`).not.toContain(out.code);
  if (proc.type === "mutation") expect(out.code, `${where}: an empty input should fail validation`).toBe("BAD_REQUEST");
}

describe("the router", () => {
  it("has procedures to walk", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(20);
    expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining(["account.me", "admin.createUser", "audit.list"]));
  });

  it("every procedure declares who may call it", () => {
    const bad = procedures.filter(
      (p) =>
        !p.meta ||
        !["public", "signed-in", "roles"].includes(p.meta.access) ||
        (p.meta.access === "roles" && (p.meta.roles.length === 0 || p.meta.roles.some((r) => !ROLES.includes(r)))),
    );
    expect(bad.map((p) => `${p.path}: ${JSON.stringify(p.meta)}`)).toEqual([]);
  });

  it("the auditor can change nothing but their own password and inbox", () => {
    const auditorMutations = procedures.filter((p) => p.type !== "query" && allows(p.meta, "auditor") && !SELF_SERVICE.test(p.path));
    expect(auditorMutations.map((p) => p.path)).toEqual([]);
  });

  it("the admin holds no business approval, finalisation or weeding", () => {
    const adminDecisions = procedures.filter((p) => BUSINESS_DECISION.test(p.path) && allows(p.meta, "admin"));
    expect(adminDecisions.map((p) => p.path)).toEqual([]);
  });

  it("the audit router only reads, and only for the auditor", () => {
    for (const p of procedures.filter((x) => x.path.startsWith("audit."))) {
      expect(p.type, p.path).toBe("query");
      expect(p.meta, p.path).toEqual({ access: "roles", roles: ["auditor"] });
    }
  });

  it("nothing is public yet besides what is listed here", () => {
    // Sign-in goes through next-auth, not tRPC. A public procedure is a deliberate decision: list it.
    const PUBLIC: string[] = [];
    expect(procedures.filter((p) => p.meta?.access === "public").map((p) => p.path)).toEqual(PUBLIC);
  });
});

describe.each(procedures)("$path ($type)", (proc) => {
  it("refuses a caller who is not signed in", async () => {
    const out = await callAs(null, proc.path);
    if (proc.meta?.access === "public") expectPastTheGuard(proc, "nobody", out);
    else expect(out, `${proc.path} as nobody`).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
  });

  it.each([...ROLES])("as %s: exactly as meta says", async (role) => {
    const out = await callAs(sessions.get(role)!, proc.path);
    if (allows(proc.meta, role)) expectPastTheGuard(proc, role, out);
    else expect(out, `${proc.path} as ${role}`).toMatchObject({ ok: false, code: "FORBIDDEN", domainCode: "FORBIDDEN" });
  });

  it("as a user holding every role: past the guard", async () => {
    expectPastTheGuard(proc, "all roles", await callAs(sessions.get("all")!, proc.path));
  });

  it("with a pending password change: refused unless the procedure allows it", async () => {
    const out = await callAs(pending, proc.path);
    const allowPending = proc.meta?.access === "public" || (proc.meta?.access === "signed-in" && proc.meta.allowPendingPasswordChange === true);
    if (allowPending) expectPastTheGuard(proc, "pending user", out);
    else expect(out, `${proc.path} with a pending password change`).toMatchObject({ ok: false, code: "FORBIDDEN", domainCode: "PASSWORD_CHANGE_REQUIRED" });
  });
});

// 绩效考核 (issue 7): the admin keeps the templates but scores, finalises and reads no results;
// staff answer for their own results only; finalising is the manager's alone.
describe("appraisal procedures", () => {
  const appraisal = procedures.filter((p) => p.path.startsWith("appraisal."));
  it("the admin holds only the template procedures", () => {
    expect(appraisal.filter((p) => allows(p.meta, "admin")).map((p) => p.path)).toEqual(["appraisal.templates.get", "appraisal.templates.list", "appraisal.templates.save"]);
  });
  it("only the manager finalises or corrects; staff change nothing but their own answer", () => {
    for (const path of ["appraisal.appraisals.finalise", "appraisal.appraisals.correct"]) expect(appraisal.find((p) => p.path === path)?.meta).toEqual({ access: "roles", roles: ["manager"] });
    const staffMutations = appraisal.filter((p) => p.type === "mutation" && allows(p.meta, "staff")).map((p) => p.path);
    expect(staffMutations).toEqual(["appraisal.appraisals.acknowledge", "appraisal.appraisals.dispute"]);
  });
});

// 档案盒/标签/盘点 (issue 10 §3): only the archivist changes anything; the manager reads the
// stock-takes; archive readers open boxes.
describe("labels procedures", () => {
  const labels = procedures.filter((p) => p.path.startsWith("labels."));
  it("every mutation is the archivist's alone", () => {
    const mutations = labels.filter((p) => p.type === "mutation");
    expect(mutations.map((p) => p.path).sort()).toEqual(["labels.boxes.create", "labels.sheets.create", "labels.stockTakes.finish", "labels.stockTakes.scan", "labels.stockTakes.start", "labels.stockTakes.withdrawScan"]);
    for (const p of mutations) expect(p.meta, p.path).toEqual({ access: "roles", roles: ["archivist"] });
  });
  it("the manager reads stock-takes; staff do not", () => {
    for (const path of ["labels.stockTakes.list", "labels.stockTakes.get"]) {
      const p = labels.find((x) => x.path === path);
      expect(allows(p?.meta, "manager"), path).toBe(true);
      expect(allows(p?.meta, "staff"), path).toBe(false);
    }
  });
});


// 工作台 and 统计 (issue 9 §1 §3): everyone has a dashboard (narrowed by role inside); the loan
// statistics are the register's readers', the archive statistics the archive room's and the
// leads'; staff and the admin read no department-wide statistics, and nothing here writes.
describe("dashboard and statistics procedures", () => {
  const ours = procedures.filter((p) => p.path.startsWith("dashboard.") || p.path.startsWith("statistics."));
  it("only read", () => {
    expect(ours.map((p) => `${p.path}:${p.type}`)).toEqual(["dashboard.home:query", "statistics.archive:query", "statistics.loans:query"]);
  });
  it("are open to the roles the policies name", () => {
    expect(ours.find((p) => p.path === "dashboard.home")?.meta).toEqual({ access: "signed-in" });
    expect(ours.find((p) => p.path === "statistics.loans")?.meta).toEqual({ access: "roles", roles: ["archivist", "supervisor", "manager", "auditor"] });
    expect(ours.find((p) => p.path === "statistics.archive")?.meta).toEqual({ access: "roles", roles: ["archivist", "supervisor", "manager"] });
    for (const role of ["staff", "admin"] as const) expect(ours.filter((p) => p.path.startsWith("statistics.") && allows(p.meta, role)).map((p) => p.path)).toEqual([]);
  });
});


// 来电来访登记 and 来电来访情况 (issue 9 §0 §2): the front desk records, the CS specialist signs the
// reports, only the supervisor supersedes a signed one; the auditor reads; the admin has no part.
describe("contacts procedures", () => {
  const contacts = procedures.filter((p) => p.path.startsWith("contacts."));
  it("the admin holds none; the auditor only reads", () => {
    expect(contacts.length).toBeGreaterThanOrEqual(15);
    expect(contacts.filter((p) => allows(p.meta, "admin")).map((p) => p.path)).toEqual([]);
    expect(contacts.filter((p) => allows(p.meta, "auditor") && p.type !== "query").map((p) => p.path)).toEqual([]);
    expect(contacts.filter((p) => allows(p.meta, "auditor")).map((p) => p.path)).toEqual(
      expect.arrayContaining(["contacts.list", "contacts.get", "contacts.reports.list", "contacts.reports.get", "contacts.reports.board"]),
    );
  });
  it("the CS specialist signs, the supervisor alone supersedes, the manager reads the reports", () => {
    const meta = (path: string) => contacts.find((p) => p.path === path)?.meta;
    for (const path of ["contacts.reports.generate", "contacts.reports.regenerate", "contacts.reports.sign"]) expect(meta(path), path).toEqual({ access: "roles", roles: ["staff", "supervisor"] });
    expect(meta("contacts.reports.supersede")).toEqual({ access: "roles", roles: ["supervisor"] });
    expect(contacts.filter((p) => p.path.startsWith("contacts.reports.") && p.type === "mutation" && allows(p.meta, "manager"))).toEqual([]);
    for (const path of ["contacts.record", "contacts.correct", "contacts.void", "contacts.completeFollowUp"]) expect(meta(path), path).toEqual({ access: "roles", roles: ["staff", "supervisor", "manager"] });
  });
});
