import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, RUNTIME_ROLE, type Db } from "../../server/db/client";
import { inTransaction } from "../../server/db/tx";
import { writeAudit } from "../../server/domain/audit/audit-log";
import { verifyAuditChain } from "../../server/domain/audit/verify-chain";
import { loadCheckpoints, writeCheckpoint } from "../../server/domain/audit/checkpoint-store";
import { auditCheckpointJob } from "../../server/domain/audit/checkpoint.job";
import { JOBS } from "../../server/jobs/jobs";
import { adminQuery, pgErrorText, signedInAs, testDatabaseUrl, useTestDatabase, withEnv, type Caller } from "./helpers";

// issue 16 #11: the audit chain could be rewritten by the database owner, the role the portal ran
// as: ALTER TABLE "AuditLog" DISABLE TRIGGER …, edit a row, recompute every hash with the
// database's own audit_log_hash(), reset "AuditChainHead", and `npm run audit:verify` passed.
// Now the portal runs as kefu_app, which may only read and append to the audit tables, and the
// chain is anchored in signed checkpoints outside the database. Both databases: PGlite supports
// roles and SET ROLE, and the portal's one PGlite connection switches to kefu_app after migrating.
const t = useTestDatabase();
let asAdmin: Caller;
let asAuditor: Caller;

beforeAll(async () => {
  asAdmin = (await signedInAs(t.db, ["admin"])).caller;
  asAuditor = (await signedInAs(t.db, ["auditor"])).caller;
  for (let i = 0; i < 6; i++) await asAdmin.admin.createProject({ code: `RL-${i}`, name: `角色项目${i}` });
});

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    return pgErrorText(e);
  }
  expect.fail("expected the statement to be refused");
}

describe("the portal's database role", () => {
  it("is kefu_app, owning no table", async () => {
    const [who] = await t.db.$queryRaw<{ role: string; owned: bigint }[]>`
      SELECT current_user AS role, (SELECT count(*) FROM pg_tables WHERE tableowner = current_user) AS owned`;
    expect(who).toEqual({ role: RUNTIME_ROLE, owned: 0n });
  });

  it("cannot UPDATE, DELETE or TRUNCATE the audit log, nor disable its triggers", async () => {
    const victim = (await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
    expect(await refusal(() => t.db.$executeRaw`UPDATE "AuditLog" SET "actorName" = '无名氏' WHERE "id" = ${victim}`)).toMatch(/permission denied for table AuditLog/);
    expect(await refusal(() => t.db.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${victim}`)).toMatch(/permission denied for table AuditLog/);
    expect(await refusal(() => t.db.$executeRawUnsafe(`TRUNCATE "AuditLog"`))).toMatch(/permission denied for table AuditLog/);
    for (const trigger of ["audit_log_no_update_delete", "audit_log_chain", "ALL"]) {
      expect(await refusal(() => t.db.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER ${trigger}`))).toMatch(/must be owner of table AuditLog/);
    }
    expect(await refusal(() => t.db.$executeRawUnsafe(`DROP TRIGGER audit_log_no_update_delete ON "AuditLog"`))).toMatch(/must be owner/);
    expect(await refusal(() => t.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`))).toMatch(/must be owner|permission denied/);
    expect(await refusal(() => t.db.$executeRawUnsafe(`SET session_replication_role = replica`))).toMatch(/permission denied/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("cannot move the chain head, lock it, or add a head row", async () => {
    expect(await refusal(() => t.db.$executeRaw`UPDATE "AuditChainHead" SET "lastHash" = '', "lastId" = 0 WHERE "id" = 1`)).toMatch(/permission denied for table AuditChainHead/);
    expect(await refusal(() => t.db.$executeRaw`DELETE FROM "AuditChainHead"`)).toMatch(/permission denied for table AuditChainHead/);
    expect(await refusal(() => t.db.$executeRaw`INSERT INTO "AuditChainHead" ("id", "lastId", "lastHash") VALUES (2, 0, '')`)).toMatch(/permission denied for table AuditChainHead/);
    expect(await refusal(() => t.db.$queryRaw`SELECT * FROM "AuditChainHead" FOR UPDATE`)).toMatch(/permission denied for table AuditChainHead/);
  });

  it("yet writes audit entries as before: the chain trigger moves the head as the owner", async () => {
    const before = await t.db.auditLog.count();
    await asAdmin.admin.createProject({ code: "RL-W", name: "写入" });
    await inTransaction(t.db, (tx) => writeAudit(tx, { id: null, name: "system" }, { action: "test.role", entity: "Test", after: { n: 1 } }));
    expect(await t.db.auditLog.count()).toBe(before + 2);
    const [head] = await t.db.$queryRaw<{ lastId: bigint; lastHash: string }[]>`SELECT "lastId", "lastHash" FROM "AuditChainHead"`;
    const last = await t.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(head).toEqual({ lastId: last.id, lastHash: last.hash });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: before + 2 });
  });

  it("gets the same rights on a table a later migration creates (default privileges)", async () => {
    await t.asOwner((owner) => owner.$executeRawUnsafe(`CREATE TABLE "LaterTable" ("id" BIGSERIAL PRIMARY KEY, "v" TEXT)`));
    await t.db.$executeRawUnsafe(`INSERT INTO "LaterTable" ("v") VALUES ('a')`);
    await t.db.$executeRawUnsafe(`UPDATE "LaterTable" SET "v" = 'b'`);
    expect(await t.db.$queryRawUnsafe(`SELECT "v" FROM "LaterTable"`)).toEqual([{ v: "b" }]);
    await t.db.$executeRawUnsafe(`DELETE FROM "LaterTable"`);
    expect(await refusal(() => t.db.$executeRawUnsafe(`DROP TABLE "LaterTable"`))).toMatch(/must be owner/);
    await t.asOwner((owner) => owner.$executeRawUnsafe(`DROP TABLE "LaterTable"`));
  });
});

describe("the checkpoint job", () => {
  it("is scheduled, signs the head, and signs an unchanged head again only after 23 hours", async () => {
    expect(JOBS.map((j) => j.name)).toContain("audit-checkpoint");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kefu-cp-job-")), "audit-checkpoints.jsonl");
    const saved = process.env.AUDIT_CHECKPOINT_FILE;
    process.env.AUDIT_CHECKPOINT_FILE = file;
    try {
      const t0 = new Date("2026-12-02T01:00:00Z");
      const hour = 60 * 60_000;
      await auditCheckpointJob.run(t.db, t0);
      await auditCheckpointJob.run(t.db, new Date(t0.getTime() + hour));
      expect(loadCheckpoints(file)!.anchors).toHaveLength(1);
      await asAdmin.admin.createProject({ code: "RL-J", name: "任务" });
      await auditCheckpointJob.run(t.db, new Date(t0.getTime() + 2 * hour));
      await auditCheckpointJob.run(t.db, new Date(t0.getTime() + 26 * hour));
      const { anchors, problems } = loadCheckpoints(file)!;
      expect(problems).toEqual([]);
      expect(anchors.map((a) => a.at)).toEqual(["2026-12-02T01:00:00.000Z", "2026-12-02T03:00:00.000Z", "2026-12-03T03:00:00.000Z"]);
      expect(await verifyAuditChain(t.db, { anchors })).toMatchObject({ ok: true, anchored: 3 });
    } finally {
      process.env.AUDIT_CHECKPOINT_FILE = saved;
    }
  });
});

/** The finding's rewrite, as the owner: edit an entry, re-hash the chain from it, reset the head. */
async function rewriteChainAsOwner(victimId: bigint, newName: string) {
  await t.asOwner(async (owner) => {
    await owner.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER audit_log_no_update_delete`);
    try {
      await owner.$executeRaw`UPDATE "AuditLog" SET "actorName" = ${newName} WHERE "id" = ${victimId}`;
      await owner.$executeRawUnsafe(`
        DO $$
        DECLARE r "AuditLog"; prev text := '';
        BEGIN
          FOR r IN SELECT * FROM "AuditLog" ORDER BY "id" LOOP
            UPDATE "AuditLog" SET "prevHash" = prev, "hash" = audit_log_hash(prev, r) WHERE "id" = r."id";
            prev := audit_log_hash(prev, r);
          END LOOP;
          UPDATE "AuditChainHead" SET "lastHash" = prev, "lastId" = (SELECT max("id") FROM "AuditLog") WHERE "id" = 1;
        END $$`);
    } finally {
      await owner.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER audit_log_no_update_delete`);
    }
  });
}

// Last in the file: rewrites the chain on purpose.
describe("a chain rewritten by the owner", () => {
  let file: string;
  beforeAll(() => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kefu-cp-")), "audit-checkpoints.jsonl");
  });

  it("passes the chain's own check but fails against the signed checkpoints", async () => {
    const first = await writeCheckpoint(t.db, new Date(), { file });
    expect(first.written).toMatchObject({ v: 1 });
    for (let i = 0; i < 3; i++) await asAdmin.admin.createProject({ code: `RL-A${i}`, name: `之后${i}` });
    const second = await writeCheckpoint(t.db, new Date(), { file });
    expect(BigInt(second.written!.lastId)).toBeGreaterThan(BigInt(first.written!.lastId));
    const stored = loadCheckpoints(file)!;
    expect(stored.problems).toEqual([]);
    expect(await verifyAuditChain(t.db, { anchors: stored.anchors })).toMatchObject({ ok: true, anchored: 2 });

    // The rewrite, exactly as in the finding.
    const victim = await t.db.auditLog.findFirstOrThrow({ where: { action: "project.create" }, orderBy: { id: "asc" }, skip: 1 });
    await rewriteChainAsOwner(victim.id, "别人");
    expect((await t.db.auditLog.findUniqueOrThrow({ where: { id: victim.id } })).actorName).toBe("别人");

    // The old check (the chain against itself) is fooled …
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    // … the checkpoints are not: the first checkpointed entry no longer has the hash signed for it.
    const report = await verifyAuditChain(t.db, { anchors: loadCheckpoints(file)!.anchors });
    expect(report).toMatchObject({ ok: false, reason: "checkpoint", brokenAt: BigInt(first.written!.lastId), checkpointLine: 1 });
    // And the rewritten chain is not signed.
    await expect(writeCheckpoint(t.db, new Date(), { file })).rejects.toThrow(/audit chain broken at entry \d+ \(checkpoint; last checkpoint: entry \d+, line 2/);
    expect(loadCheckpoints(file)!.anchors).toHaveLength(2);
  });

  it("the auditor's chain check reads the checkpoints too", async () => {
    // The procedure reads AUDIT_CHECKPOINT_FILE (helpers.ts: this process's own file and key).
    const saved = process.env.AUDIT_CHECKPOINT_FILE;
    process.env.AUDIT_CHECKPOINT_FILE = file;
    try {
      expect(await asAuditor.audit.verifyChain()).toMatchObject({ ok: false, reason: "checkpoint" });
    } finally {
      process.env.AUDIT_CHECKPOINT_FILE = saved;
    }
  });

  it("a head set back behind a checkpoint (tail deleted) is caught", async () => {
    const f2 = path.join(path.dirname(file), "second.jsonl");
    const cp = await writeCheckpoint(t.db, new Date(), { file: f2 });
    const lastId = BigInt(cp.written!.lastId);
    await t.asOwner(async (owner) => {
      await owner.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER audit_log_no_update_delete`);
      try {
        await owner.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${lastId}`;
        await owner.$executeRaw`UPDATE "AuditChainHead" SET "lastId" = l."id", "lastHash" = l."hash" FROM (SELECT "id", "hash" FROM "AuditLog" ORDER BY "id" DESC LIMIT 1) l`;
      } finally {
        await owner.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER audit_log_no_update_delete`);
      }
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(t.db, { anchors: loadCheckpoints(f2)!.anchors })).toMatchObject({ ok: false, reason: "checkpoint", brokenAt: lastId });
    await expect(writeCheckpoint(t.db, new Date(), { file: f2 })).rejects.toThrow(/audit chain broken/);
  });
});

// The production setup on a PostgreSQL server: DATABASE_URL logs in as a role in kefu_app (not
// the owner), DATABASE_OWNER_URL migrates. PGlite has one built-in user: covered above by SET ROLE.
describe.skipIf(!process.env.DATABASE_URL)("[db] a separate login for the portal (PostgreSQL)", () => {
  const login = "kefu_test_portal";
  let portal: Db;
  let ownerUrl: string;
  beforeAll(async () => {
    const base = process.env.DATABASE_URL!;
    const [row] = await t.db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
    const name = row!.db;
    ownerUrl = testDatabaseUrl(base, name);
    await adminQuery(base, `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${login}') THEN CREATE ROLE ${login} LOGIN IN ROLE ${RUNTIME_ROLE}; END IF; END $$`);
    portal = await withEnv({ DATABASE_URL: testDatabaseUrl(base, name, login), DATABASE_OWNER_URL: ownerUrl }, openDatabase);
  });
  afterAll(async () => {
    if (portal) await closeDatabase(portal);
  });

  it("opens, writes audit entries, and even after RESET ROLE cannot touch the log", async () => {
    const [who] = await portal.$queryRaw<{ s: string; c: string }[]>`SELECT session_user AS s, current_user AS c`;
    expect(who).toEqual({ s: login, c: RUNTIME_ROLE });
    await inTransaction(portal, (tx) => writeAudit(tx, { id: null, name: "system" }, { action: "test.login", entity: "Test" }));
    // RESET ROLE goes back to the login, which has only kefu_app's rights too.
    const asLogin = (sql: string) =>
      refusal(() =>
        portal.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("RESET ROLE");
          await tx.$executeRawUnsafe(sql);
        }),
      );
    expect(await asLogin(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`)).toMatch(/must be owner of table AuditLog/);
    expect(await asLogin(`UPDATE "AuditChainHead" SET "lastId" = 0`)).toMatch(/permission denied for table AuditChainHead/);
    const text = await asLogin(`UPDATE "AuditLog" SET "actorName" = 'x'`);
    expect(text).toMatch(/permission denied for table AuditLog/);
  });
});
