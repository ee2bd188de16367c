import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkpointLine, keyIdOf, readCheckpoints, signCheckpoint, type Checkpoint } from "./checkpoint";

const key = crypto.generateKeyPairSync("ed25519");
const other = crypto.generateKeyPairSync("ed25519");
const H = (c: string) => c.repeat(64);
const at = new Date("2026-12-02T08:00:00.000Z");
const cp = (lastId: bigint, hash: string, when = at, k = key.privateKey) => signCheckpoint({ lastId, lastHash: hash }, when, k);
const file = (...cs: (Checkpoint | string)[]) => cs.map((c) => (typeof c === "string" ? c : checkpointLine(c))).join("\n") + "\n";

describe("audit checkpoints", () => {
  it("signs the head and reads it back as an anchor with its line", () => {
    const a = cp(41n, H("a"));
    expect(a).toMatchObject({ v: 1, lastId: "41", lastHash: H("a"), at: "2026-12-02T08:00:00.000Z", keyId: keyIdOf(key.publicKey) });
    const r = readCheckpoints(file(cp(0n, ""), a, cp(41n, H("a"), new Date("2026-12-03T08:00:00Z")), cp(97n, H("b"))), key.publicKey);
    expect(r.problems).toEqual([]);
    expect(r.anchors.map((x) => [x.line, x.lastId, x.lastHash.slice(0, 1)])).toEqual([
      [1, 0n, ""],
      [2, 41n, "a"],
      [3, 41n, "a"],
      [4, 97n, "b"],
    ]);
  });

  it("rejects a tampered signature", () => {
    const a = cp(41n, H("a"));
    const sig = Buffer.from(a.sig, "base64");
    sig[5]! ^= 0x01;
    const r = readCheckpoints(file({ ...a, sig: sig.toString("base64") }), key.publicKey);
    expect(r).toEqual({ anchors: [], problems: [{ line: 1, reason: "signature" }] });
  });

  it("rejects a checkpoint whose fields were edited after signing (a rewritten chain's new hash)", () => {
    const a = cp(41n, H("a"));
    for (const edited of [{ ...a, lastHash: H("c") }, { ...a, lastId: "40" }, { ...a, at: "2026-12-01T08:00:00.000Z" }]) {
      expect(readCheckpoints(file(edited), key.publicKey).problems).toEqual([{ line: 1, reason: "signature" }]);
    }
  });

  it("rejects a checkpoint signed with another key, even one claiming the right key id", () => {
    const forged = cp(41n, H("a"), at, other.privateKey);
    expect(readCheckpoints(file(forged), key.publicKey).problems).toEqual([{ line: 1, reason: "key" }]);
    expect(readCheckpoints(file({ ...forged, keyId: keyIdOf(key.publicKey) }), key.publicKey).problems).toEqual([{ line: 1, reason: "signature" }]);
  });

  it("rejects a checkpoint that moves the head backwards, keeping the ones around it", () => {
    const r = readCheckpoints(file(cp(10n, H("a")), cp(50n, H("b")), cp(30n, H("c")), cp(60n, H("d"))), key.publicKey);
    expect(r.problems).toEqual([{ line: 3, reason: "backwards" }]);
    expect(r.anchors.map((x) => x.lastId)).toEqual([10n, 50n, 60n]);
  });

  it("reports lines that are not checkpoints and skips blank ones", () => {
    const r = readCheckpoints(file("not json", "", JSON.stringify({ v: 1, lastId: "-1" }), cp(5n, H("e"))), key.publicKey);
    expect(r.problems).toEqual([
      { line: 1, reason: "malformed" },
      { line: 3, reason: "malformed" },
    ]);
    expect(r.anchors).toHaveLength(1);
  });

  it("refuses a key that is not Ed25519", () => {
    const rsa = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(() => cp(1n, H("a"), at, rsa.privateKey)).toThrow(/Ed25519/);
  });
});
