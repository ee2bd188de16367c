import crypto, { type KeyObject } from "node:crypto";
import { z } from "zod";

// issue 16 #11: the audit chain anchored outside the database. A checkpoint is the chain's last
// entry (id and hash) at a moment, signed with an Ed25519 key the database never sees, appended
// as one JSON line to a file the portal only appends to. Whoever can rewrite the database (the
// owner disabling the triggers and recomputing every hash with audit_log_hash()) cannot make a
// rewritten entry keep the hash a checkpoint signed, nor sign a new checkpoint.

export type ChainPoint = { lastId: bigint; lastHash: string };

const ZCheckpoint = z.object({
  v: z.literal(1),
  lastId: z.string().regex(/^\d{1,19}$/),
  lastHash: z.string().regex(/^(|[0-9a-f]{64})$/),
  at: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  sig: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
export type Checkpoint = z.infer<typeof ZCheckpoint>;

/** A checkpoint whose signature holds, with its line in the file (1-based). */
export type Anchor = ChainPoint & { line: number; at: string };

export type CheckpointProblem = {
  line: number;
  /**
   * malformed: not a checkpoint; key: signed with another key; signature: does not verify (edited
   * or forged); backwards: names an earlier entry than a checkpoint before it (the chain's head
   * cannot move back).
   */
  reason: "malformed" | "key" | "signature" | "backwards";
};

/** What is signed: a fixed prefix, then the fields one per line. */
export function checkpointMessage(c: Pick<Checkpoint, "lastId" | "lastHash" | "at">): Buffer {
  return Buffer.from(`kefu-audit-checkpoint/v1\n${c.lastId}\n${c.lastHash}\n${c.at}`, "utf8");
}

/** The first 16 hex digits of the SHA-256 of the public key (SPKI DER): which key signed. */
export function keyIdOf(key: KeyObject): string {
  const pub = key.type === "private" ? crypto.createPublicKey(key) : key;
  return crypto.createHash("sha256").update(pub.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

export function assertEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${what} must be an Ed25519 key, not ${key.asymmetricKeyType ?? key.type}`);
  return key;
}

export function signCheckpoint(point: ChainPoint, at: Date, privateKey: KeyObject): Checkpoint {
  assertEd25519(privateKey, "the audit checkpoint key");
  const body = { lastId: point.lastId.toString(), lastHash: point.lastHash, at: at.toISOString() };
  return { v: 1, ...body, keyId: keyIdOf(privateKey), sig: crypto.sign(null, checkpointMessage(body), privateKey).toString("base64") };
}

export function checkpointLine(c: Checkpoint): string {
  return JSON.stringify(c);
}

/**
 * Reads a checkpoint file's lines: the anchors whose signature holds under `publicKey`, in file
 * order, and a problem for every other line. A checkpoint naming an earlier entry than one
 * before it is a problem too (and not an anchor).
 */
export function readCheckpoints(text: string, publicKey: KeyObject): { anchors: Anchor[]; problems: CheckpointProblem[] } {
  const keyId = keyIdOf(publicKey);
  const anchors: Anchor[] = [];
  const problems: CheckpointProblem[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const line = i + 1;
    let parsed: Checkpoint;
    try {
      parsed = ZCheckpoint.parse(JSON.parse(raw));
    } catch {
      problems.push({ line, reason: "malformed" });
      continue;
    }
    if (parsed.keyId !== keyId) {
      problems.push({ line, reason: "key" });
      continue;
    }
    if (!crypto.verify(null, checkpointMessage(parsed), publicKey, Buffer.from(parsed.sig, "base64"))) {
      problems.push({ line, reason: "signature" });
      continue;
    }
    const lastId = BigInt(parsed.lastId);
    const prev = anchors[anchors.length - 1];
    if (prev && lastId < prev.lastId) {
      problems.push({ line, reason: "backwards" });
      continue;
    }
    anchors.push({ lastId, lastHash: parsed.lastHash, line, at: parsed.at });
  }
  return { anchors, problems };
}
