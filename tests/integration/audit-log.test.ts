import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../server/db/tx";
import { writeAudit } from "../../server/domain/audit/audit-log";
import { verifyAuditChain } from "../../server/domain/audit/verify-chain";
import type { Db } from "../../server/db/client";
import { pgErrorText, refusalOf, signedInAs, useTestDatabase, type Caller } from "./helpers";

// 等保 2.0 安全审计: the log is append-only and hash-chained in the database itself.
const t = useTestDatabase();
let asAdmin: Caller;
let asAuditor: Caller;

beforeAll(async () => {
  asAdmin = (await signedInAs(t.db, ["admin"], { loginName: "audit-admin" })).caller;
  asAuditor = (await signedInAs(t.db, ["auditor"], { loginName: "audit-auditor" })).caller;
  for (let i = 0; i < 5; i++) await asAdmin.admin.createProject({ code: `AL-${i}`, name: `审计项目${i}` });
});

/**
 * Raw SQL that must be refused with SQLSTATE 42501: by the append-only triggers (the owner), or
 * before them by the missing privilege (the portal's runtime role).
 */
async function expectRefused(run: () => Promise<unknown>, op: string, by: "trigger" | "privilege" = "trigger") {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  expect(error, `${op} should have been refused`).toBeDefined();
  const text = pgErrorText(error);
  expect(text).toContain("42501");
  expect(text).toContain(by === "trigger" ? `AuditLog is append-only: ${op} refused` : `permission denied for table AuditLog`);
}

/** As the database owner (the portal's role may not ALTER TABLE): the trigger off during `run`. */
async function withTriggerDisabled<T>(trigger: string, run: (owner: Db) => Promise<T>): Promise<T> {
  return t.asOwner(async (owner) => {
    await owner.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER ${trigger}`);
    try {
      return await run(owner);
    } finally {
      await owner.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER ${trigger}`);
    }
  });
}

describe("append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE with SQLSTATE 42501 and keeps the rows", async () => {
    const before = await t.db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(before.length).toBeGreaterThanOrEqual(5);
    const victim = before[2]!.id;
    // The portal's role has no UPDATE, DELETE or TRUNCATE on the log at all.
    await expectRefused(() => t.db.$executeRaw`UPDATE "AuditLog" SET "actorName" = '无名氏' WHERE "id" = ${victim}`, "UPDATE", "privilege");
    await expectRefused(() => t.db.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${victim}`, "DELETE", "privilege");
    await expectRefused(() => t.db.$executeRawUnsafe(`TRUNCATE "AuditLog"`), "TRUNCATE", "privilege");
    // The same through Prisma's own API.
    await expectRefused(() => t.db.auditLog.update({ where: { id: victim }, data: { action: "x" } }), "UPDATE", "privilege");
    await expectRefused(() => t.db.auditLog.deleteMany({}), "DELETE", "privilege");
    // Even the owner is refused by the triggers (short of disabling them).
    await t.asOwner(async (owner) => {
      await expectRefused(() => owner.$executeRaw`UPDATE "AuditLog" SET "actorName" = '无名氏' WHERE "id" = ${victim}`, "UPDATE");
      await expectRefused(() => owner.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${victim}`, "DELETE");
      await expectRefused(() => owner.$executeRawUnsafe(`TRUNCATE "AuditLog"`), "TRUNCATE");
      await expectRefused(() => owner.auditLog.update({ where: { id: victim }, data: { action: "x" } }), "UPDATE");
      await expectRefused(() => owner.auditLog.deleteMany({}), "DELETE");
    });
    expect(await t.db.auditLog.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("an audit entry exists exactly when its change does: a failed transaction leaves neither", async () => {
    const before = await t.db.auditLog.count();
    await expect(
      inTransaction(t.db, async (tx) => {
        await tx.project.create({ data: { code: "ROLLBACK-1", name: "回滚" } });
        await writeAudit(tx, { id: null, name: "system" }, { action: "project.create", entity: "Project" });
        throw new Error("boom after the audit write");
      }),
    ).rejects.toThrow("boom");
    expect(await t.db.auditLog.count()).toBe(before);
    expect(await t.db.project.count({ where: { code: "ROLLBACK-1" } })).toBe(0);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});

describe("hash chain", () => {
  it("links every entry to the previous one and verifies after many writes", async () => {
    for (let i = 0; i < 40; i++) await asAdmin.admin.createProject({ code: `CH-${i}`, name: `链${i}` });
    const rows = await t.db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true, prevHash: true, hash: true } });
    expect(rows[0]!.prevHash).toBe("");
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash, `row ${rows[i]!.id}`).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: rows.length });
    expect(await asAuditor.audit.verifyChain()).toMatchObject({ ok: true, checked: rows.length });
  });

  it("keeps one chain under 60 concurrent writers, losing none", async () => {
    const before = await t.db.auditLog.count();
    const results = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => asAdmin.admin.createProject({ code: `PAR-${i}`, name: `并发${i}` })));
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    expect(await t.db.project.count({ where: { code: { startsWith: "PAR-" } } })).toBe(60);
    expect(await t.db.auditLog.count()).toBe(before + 60);
    const rows = await t.db.auditLog.findMany({ select: { prevHash: true } });
    expect(new Set(rows.map((r) => r.prevHash)).size, "no two entries share a predecessor").toBe(rows.length);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: before + 60 });
  });
});

describe("auditor: audit.list", () => {
  beforeAll(async () => {
    // Entries at the edges of the Shanghai day 2026-11-01 (= 2026-10-31T16:00Z … 2026-11-01T16:00Z).
    const at = ["2026-10-31T15:59:59.999Z", "2026-10-31T16:00:00.000Z", "2026-11-01T15:59:59.999Z", "2026-11-01T16:00:00.000Z"];
    for (const [i, iso] of at.entries()) {
      await t.db.auditLog.create({ data: { at: new Date(iso), actorName: i % 2 ? "王小明" : "李华", action: "test.day", entity: "Test", entityId: `day-${i}` } });
    }
    for (let i = 0; i < 25; i++) await t.db.auditLog.create({ data: { actorName: "分页员", action: "test.page", entity: "Test", entityId: `page-${i}` } });
  });

  it("filters by Shanghai calendar days, inclusive", async () => {
    const day = await asAuditor.audit.list({ action: "test.day", from: "2026-11-01", to: "2026-11-01" });
    expect(day.rows.map((r) => r.entityId).sort()).toEqual(["day-1", "day-2"]);
    const fromOnly = await asAuditor.audit.list({ action: "test.day", from: "2026-11-02" });
    expect(fromOnly.rows.map((r) => r.entityId)).toEqual(["day-3"]);
    const toOnly = await asAuditor.audit.list({ action: "test.day", to: "2026-10-31" });
    expect(toOnly.rows.map((r) => r.entityId)).toEqual(["day-0"]);
  });

  it("filters by actor name (part of it), action prefix, entity and entity id", async () => {
    expect((await asAuditor.audit.list({ action: "test.day", actor: "小明" })).rows.map((r) => r.entityId).sort()).toEqual(["day-1", "day-3"]);
    const creates = await asAuditor.audit.list({ action: "project.", pageSize: 200 });
    expect(creates.rows.length).toBeGreaterThanOrEqual(105);
    expect(creates.rows.every((r) => r.action.startsWith("project."))).toBe(true);
    expect((await asAuditor.audit.list({ entity: "Test", entityId: "page-7" })).rows).toHaveLength(1);
    expect((await asAuditor.audit.list({ actor: "audit-admin-nobody" })).rows).toEqual([]);
  });

  it("pages newest first with a keyset cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const pageSizes: number[] = [];
    do {
      const page = await asAuditor.audit.list({ action: "test.page", pageSize: 10, cursor });
      pageSizes.push(page.rows.length);
      seen.push(...page.rows.map((r) => r.entityId!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pageSizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `page-${24 - i}`));
  });

  it("returns ids as strings and each entry's hash", async () => {
    const { rows } = await asAuditor.audit.list({ entity: "Test", pageSize: 10 });
    expect(typeof rows[0]!.id).toBe("string");
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a malformed date with the form's message", async () => {
    const r = await refusalOf(asAuditor.audit.list({ from: "2026-13-01" }));
    expect(r.fieldErrors).toEqual({ from: "日期格式应为 2026-01-31" });
  });

  it("lists the actions and entities for the filter menus", async () => {
    const f = await asAuditor.audit.facets();
    expect(f.actions).toEqual(expect.arrayContaining(["project.create", "test.day", "test.page"]));
    expect(f.entities).toEqual(expect.arrayContaining(["Project", "Test"]));
  });

  it("is closed to the admin (separation of duties)", async () => {
    expect((await refusalOf(asAdmin.audit.list({}))).code).toBe("FORBIDDEN");
    expect((await refusalOf(asAdmin.audit.verifyChain())).code).toBe("FORBIDDEN");
  });
});

// Last in the file: these tests break the chain on purpose (as the owner, disabling the trigger).
describe("tamper detection", () => {
  it("reports an entry whose content was changed behind the trigger's back, with reason 'hash'", async () => {
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const victim = await t.db.auditLog.findFirstOrThrow({ where: { action: "project.create" }, orderBy: { id: "asc" }, skip: 3 });
    await withTriggerDisabled("audit_log_no_update_delete", (owner) =>
      owner.$executeRaw`UPDATE "AuditLog" SET "after" = jsonb_set("after", '{name}', '"篡改"') WHERE "id" = ${victim.id}`,
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: victim.id, reason: "hash" });
    expect(await asAuditor.audit.verifyChain()).toMatchObject({ ok: false, brokenAt: victim.id.toString(), reason: "hash" });

    // The trigger is back: further tampering is refused again. Putting the row back heals the chain.
    await t.asOwner((owner) => expectRefused(() => owner.$executeRaw`UPDATE "AuditLog" SET "after" = ${victim.after} WHERE "id" = ${victim.id}`, "UPDATE"));
    await withTriggerDisabled("audit_log_no_update_delete", (owner) => owner.$executeRaw`UPDATE "AuditLog" SET "after" = ${victim.after} WHERE "id" = ${victim.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("reports a changed actor or timestamp too", async () => {
    const victim = await t.db.auditLog.findFirstOrThrow({ where: { action: "project.create" }, orderBy: { id: "desc" } });
    await withTriggerDisabled("audit_log_no_update_delete", (owner) => owner.$executeRaw`UPDATE "AuditLog" SET "actorName" = '别人' WHERE "id" = ${victim.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: victim.id, reason: "hash" });
    await withTriggerDisabled("audit_log_no_update_delete", (owner) => owner.$executeRaw`UPDATE "AuditLog" SET "actorName" = ${victim.actorName} WHERE "id" = ${victim.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });

    await withTriggerDisabled("audit_log_no_update_delete", (owner) => owner.$executeRaw`UPDATE "AuditLog" SET "at" = "at" - interval '1 day' WHERE "id" = ${victim.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: victim.id, reason: "hash" });
    await withTriggerDisabled("audit_log_no_update_delete", (owner) => owner.$executeRaw`UPDATE "AuditLog" SET "at" = ${victim.at} WHERE "id" = ${victim.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("reports a deleted last entry against the chain head", async () => {
    const last = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    await withTriggerDisabled("audit_log_no_update_delete", (owner) => owner.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${last.id}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: last.id, reason: "head" });
  });

  it("reports a deleted entry in the middle as a broken link at the next entry", async () => {
    const rows = await t.db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    const victim = rows[10]!.id;
    await withTriggerDisabled("audit_log_no_update_delete", (owner) => owner.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${victim}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, brokenAt: rows[11]!.id, reason: "link" });
  });
});
