import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, inject } from "vitest";
import "./global-setup";
import { TRPCError } from "@trpc/server";
import { closeDatabase, openDatabase, RUNTIME_ROLE, type Db } from "../../server/db/client";
import { createCaller } from "../../server/api/root";
import { formatError } from "../../server/api/error-format";
import { DomainError } from "../../server/domain/errors";
import { hashPassword } from "../../server/domain/accounts/password-hash";
import type { SessionUser } from "../../server/domain/accounts/session";
import type { Role } from "../../server/auth/roles";
import type { Locale } from "../../server/i18n/config";

// Each test process anchors its audit chains in a checkpoint file and key of its own, never the
// demo's ./data/audit-checkpoints.jsonl (checkpoint-store.ts reads these variables when called).
if (!process.env.AUDIT_CHECKPOINT_FILE) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kefu-audit-cp-"));
  process.env.AUDIT_CHECKPOINT_FILE = path.join(dir, "audit-checkpoints.jsonl");
  process.env.AUDIT_CHECKPOINT_KEY = crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

export type DbKind = "pglite" | "postgres";
export type TestDatabase = {
  /** The portal's connection: the runtime role (RUNTIME_ROLE), as in production. */
  db: Db;
  kind: DbKind;
  /**
   * Runs `run` with the database owner's rights (what migrations have), for a test that changes
   * the schema or tampers on purpose. PostgreSQL: a second client on the owner's login; PGlite
   * (one connection): the session leaves the runtime role for the call, so do not overlap it
   * with other queries.
   */
  asOwner: <T>(run: (owner: Db) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/**
 * A new, migrated, empty database: an in-memory PGlite, or (DATABASE_URL set) a database of its
 * own on that PostgreSQL server, dropped again by close().
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const saved = process.env.PGLITE_DATA_DIR;
    process.env.PGLITE_DATA_DIR = "memory://";
    try {
      const db = await openDatabase();
      const asOwner = async <T,>(run: (owner: Db) => Promise<T>): Promise<T> => {
        await db.$executeRawUnsafe("RESET ROLE");
        try {
          return await run(db);
        } finally {
          await db.$executeRawUnsafe(`SET ROLE ${RUNTIME_ROLE}`);
        }
      };
      return { db, kind: "pglite", asOwner, close: () => closeDatabase(db) };
    } finally {
      restoreEnv("PGLITE_DATA_DIR", saved);
    }
  }

  const name = `kefu_test_${inject("kefuTestRunId")}_${crypto.randomBytes(4).toString("hex")}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = testDatabaseUrl(baseUrl, name);
  // openDatabase() reads DATABASE_URL when it opens; point it at this file's database meanwhile.
  process.env.DATABASE_URL = url;
  let owner: Db | undefined;
  try {
    const db = await openDatabase();
    const asOwner = async <T,>(run: (o: Db) => Promise<T>): Promise<T> => {
      if (!owner) {
        const saved = process.env.DATABASE_URL;
        process.env.DATABASE_URL = url;
        try {
          owner = await openDatabase({ asOwner: true });
        } finally {
          process.env.DATABASE_URL = saved;
        }
      }
      return run(owner);
    };
    return {
      db,
      kind: "postgres",
      asOwner,
      close: async () => {
        if (owner) await closeDatabase(owner);
        await closeDatabase(db);
        await adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  } finally {
    process.env.DATABASE_URL = baseUrl;
  }
}

/** DATABASE_URL with another database name (and, given, another login). */
export function testDatabaseUrl(baseUrl: string, database: string, user?: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  if (user !== undefined) {
    url.username = user;
    url.password = "";
  }
  return url.toString();
}

function restoreEnv(key: string, value: string | undefined) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

/** Runs `work` with these environment variables set (undefined: unset), then puts them back. */
export async function withEnv<T>(vars: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const put = (v: Record<string, string | undefined>) => {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) delete process.env[k];
      else process.env[k] = x;
    }
  };
  put(vars);
  try {
    return await work();
  } finally {
    put(saved);
  }
}

export async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * One database for the whole test file (a new PGlite costs ~3–5 s). Use inside the file's top
 * level: `const t = useTestDatabase();` then `t.db` in tests.
 */
export function useTestDatabase(): TestDatabase {
  const holder = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(holder, await openTestDatabase());
  });
  afterAll(async () => {
    await holder.close?.();
  });
  return holder;
}

// ── users ────────────────────────────────────────────────────────────────────────────────
export const TEST_PASSWORD = "Kefu-Test-Pass-2026";
let testPasswordHash: Promise<string> | undefined;
let seq = 0;

export type TestUser = { id: string; loginName: string; displayName: string; password: string; roles: Role[] };

/** Inserts a user directly (no audit entry), with the given roles and TEST_PASSWORD. */
export async function createTestUser(
  db: Db,
  opts: { roles?: Role[]; loginName?: string; displayName?: string; mustChangePassword?: boolean; isActive?: boolean; password?: string } = {},
): Promise<TestUser> {
  const roles = opts.roles ?? ["staff"];
  const loginName = opts.loginName ?? `t${++seq}${crypto.randomBytes(3).toString("hex")}`;
  const password = opts.password ?? TEST_PASSWORD;
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password === TEST_PASSWORD ? await testPasswordHash : await hashPassword(password);
  const displayName = opts.displayName ?? `测试${roles.join("+")}${seq}`;
  const u = await db.user.create({
    data: {
      loginName,
      displayName,
      passwordHash,
      mustChangePassword: opts.mustChangePassword ?? false,
      isActive: opts.isActive ?? true,
      roles: { create: roles.map((role) => ({ role })) },
    },
    select: { id: true },
  });
  return { id: u.id, loginName, displayName, password, roles };
}

/** A signed-in session for the user, as resolveSession would return it. */
export async function sessionFor(db: Db, user: TestUser, opts: { mustChangePassword?: boolean } = {}): Promise<SessionUser> {
  const s = await db.userSession.create({ data: { userId: user.id, ip: "127.0.0.1" }, select: { id: true } });
  return { id: user.id, sessionId: s.id, loginName: user.loginName, name: user.displayName, roles: user.roles, mustChangePassword: opts.mustChangePassword ?? false };
}

export type Caller = ReturnType<typeof createCaller>;

/** The tRPC caller a signed-in user (or nobody, for null) would get, through all guards. */
export function callerFor(db: Db, user: SessionUser | null, opts: { ip?: string; locale?: Locale } = {}): Caller {
  return createCaller({ db, user, ip: opts.ip ?? "127.0.0.1", locale: opts.locale ?? "zh-CN" });
}

/** Creates a user with the roles, a session, and returns the user and its caller. */
export async function signedInAs(db: Db, roles: Role[], opts: { loginName?: string } = {}) {
  const user = await createTestUser(db, { roles, loginName: opts.loginName });
  const session = await sessionFor(db, user);
  return { user, session, caller: callerFor(db, session) };
}

// ── errors ───────────────────────────────────────────────────────────────────────────────
export type Refusal = {
  code: TRPCError["code"];
  domainCode: string | null;
  message: string;
  fieldErrors: Record<string, string> | null;
  /** The link the refusal offers (to the record that already exists), as the client gets it. */
  link: { href: string; label: string } | null;
  error: TRPCError;
};

/** Awaits a call that must fail; returns its tRPC code, domain code and the user's message. */
export async function refusalOf(call: Promise<unknown>, locale: Locale = "zh-CN"): Promise<Refusal> {
  let result: unknown;
  try {
    result = await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const f = formatError(e, locale);
    const link = ("link" in f ? f.link : null) ?? null;
    return { code: e.code, domainCode: e.cause instanceof DomainError ? e.cause.code : null, message: f.message, fieldErrors: f.fieldErrors, link, error: e };
  }
  expect.fail(`expected the call to be refused, but it returned ${JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`);
}

/** Error codes PostgreSQL raised under a Prisma/driver error, wherever the adapter put them. */
export function pgErrorText(e: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown) => {
    if (!x || typeof x !== "object" || seen.has(x)) return;
    seen.add(x);
    const o = x as Record<string, unknown>;
    for (const k of ["message", "code", "originalCode", "originalMessage", "kind"]) if (typeof o[k] === "string") parts.push(o[k] as string);
    for (const k of ["cause", "meta", "driverAdapterError"]) walk(o[k]);
  };
  walk(e);
  return parts.join(" | ");
}
