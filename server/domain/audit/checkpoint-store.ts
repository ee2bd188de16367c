import crypto, { type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../db/client";
import { assertEd25519, checkpointLine, readCheckpoints, signCheckpoint, type Anchor, type Checkpoint, type CheckpointProblem } from "./checkpoint";
import { verifyAuditChain, type ChainReport } from "./verify-chain";

// Where the checkpoints and their key live (README "Audit checkpoints", SECURITY.md):
//   AUDIT_CHECKPOINT_FILE        the append-only JSON-lines file (default ./data/audit-checkpoints.jsonl);
//                                IT copies it off the machine, or points it at a WORM / remote mount
//   AUDIT_CHECKPOINT_KEY         the Ed25519 private key: PEM text, or the path of a PEM file
//                                (default ./data/audit-checkpoint-key.pem, created 0600 on first use,
//                                its public half beside it as …-key.pub.pem)
//   AUDIT_CHECKPOINT_PUBLIC_KEY  the public key (PEM text or path) to verify with where the private
//                                key is not (an auditor's machine); default: derived from the private key

const dataDir = () => path.join(process.cwd(), "data");
export const checkpointFile = () => process.env.AUDIT_CHECKPOINT_FILE || path.join(dataDir(), "audit-checkpoints.jsonl");
const defaultKeyFile = () => path.join(dataDir(), "audit-checkpoint-key.pem");
const isPem = (v: string) => v.trimStart().startsWith("-----BEGIN");

function readPem(value: string): string {
  return isPem(value) ? value : fs.readFileSync(value, "utf8");
}

/** The signing key; with `create`, generated into the default file when no key is configured. */
export function loadSigningKey(opts: { create: boolean }): KeyObject | null {
  const configured = process.env.AUDIT_CHECKPOINT_KEY;
  if (configured) return assertEd25519(crypto.createPrivateKey(readPem(configured)), "AUDIT_CHECKPOINT_KEY");
  const file = defaultKeyFile();
  if (fs.existsSync(file)) return assertEd25519(crypto.createPrivateKey(fs.readFileSync(file, "utf8")), file);
  if (!opts.create) return null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ed25519");
  try {
    fs.writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
    fs.writeFileSync(file.replace(/\.pem$/, ".pub.pem"), publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644 });
  } catch (e) {
    // Another process created it first: use that one.
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return assertEd25519(crypto.createPrivateKey(fs.readFileSync(file, "utf8")), file);
}

/** The key checkpoints are verified with, or null when none is configured or generated yet. */
export function loadVerifyKey(): KeyObject | null {
  const configured = process.env.AUDIT_CHECKPOINT_PUBLIC_KEY;
  if (configured) return assertEd25519(crypto.createPublicKey(readPem(configured)), "AUDIT_CHECKPOINT_PUBLIC_KEY");
  const priv = loadSigningKey({ create: false });
  return priv ? crypto.createPublicKey(priv) : null;
}

function readFileText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw e;
  }
}

export type StoredCheckpoints = { file: string; anchors: Anchor[]; problems: CheckpointProblem[]; lines: number };

/** The checkpoint file read and its signatures checked; null when there is no key to check with. */
export function loadCheckpoints(file = checkpointFile(), key = loadVerifyKey()): StoredCheckpoints | null {
  const text = readFileText(file);
  const lines = text.split("\n").filter((l) => l.trim()).length;
  if (!key) {
    if (lines > 0) throw new Error(`${file} holds ${lines} checkpoints but no key to verify them: set AUDIT_CHECKPOINT_PUBLIC_KEY or AUDIT_CHECKPOINT_KEY`);
    return null;
  }
  return { file, lines, ...readCheckpoints(text, key) };
}

/** Appends one line and flushes it to disk; the file is only ever opened for appending. */
export function appendCheckpoint(c: Checkpoint, file = checkpointFile()): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, "a", 0o600);
  try {
    fs.writeSync(fd, `${checkpointLine(c)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type CheckpointResult = { written: Checkpoint; checked: number } | { written: null; reason: "unchanged" };

/**
 * Signs and appends a checkpoint of the chain as it is now, after checking, in one snapshot,
 * that the chain still extends the last good checkpoint (that entry keeps its hash, every entry
 * after it links on and matches its content) and up to the head. A chain that does not is not
 * signed: the error says where it breaks. `skipUnchangedWithinMs`: no new line when the last
 * checkpoint already names the head and is younger than that (the hourly job).
 */
export async function writeCheckpoint(db: Db, now: Date, opts: { file?: string; skipUnchangedWithinMs?: number } = {}): Promise<CheckpointResult> {
  const file = opts.file ?? checkpointFile();
  const key = loadSigningKey({ create: true })!;
  const stored = loadCheckpoints(file, crypto.createPublicKey(key))!;
  const from = stored.anchors[stored.anchors.length - 1];
  const report: ChainReport = await db.$transaction(
    async (tx) => {
      const [head] = await tx.$queryRaw<{ lastId: bigint }[]>`SELECT "lastId" FROM "AuditChainHead" WHERE "id" = 1`;
      const upTo = head?.lastId ?? 0n;
      const r = await verifyAuditChain(tx, { from: from && from.lastId <= upTo ? from : undefined, upTo, anchors: from && from.lastId > upTo ? [from] : [] });
      if (!r.ok) return r;
      if (r.last.lastId !== upTo) return { ok: false, checked: r.checked, brokenAt: upTo, reason: "head" } as const;
      return r;
    },
    { isolationLevel: "RepeatableRead", timeout: 10 * 60_000, maxWait: 30_000 },
  );
  if (!report.ok) {
    throw new Error(
      `audit chain broken at entry ${report.brokenAt} (${report.reason}${from ? `; last checkpoint: entry ${from.lastId}, line ${from.line} of ${file}` : ""}): no checkpoint written`,
    );
  }
  if (
    opts.skipUnchangedWithinMs !== undefined &&
    from &&
    from.lastId === report.last.lastId &&
    from.lastHash === report.last.lastHash &&
    now.getTime() - Date.parse(from.at) < opts.skipUnchangedWithinMs
  ) {
    return { written: null, reason: "unchanged" };
  }
  const written = signCheckpoint(report.last, now, key);
  appendCheckpoint(written, file);
  return { written, checked: report.checked };
}
