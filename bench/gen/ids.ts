// Deterministic ids for generated rows: the md5 of a natural key with the version nibble set to 3
// (name-based, MD5 — RFC 9562 §5.3) and the variant bits to 10xx, so every id passes the
// product's own z.uuid() check. The same rule in JS and in SQL, so either side can compute an id
// the other inserted without reading it back.
import crypto from "node:crypto";

export function benchUuid(key: string): string {
  const h = crypto.createHash("md5").update(key).digest("hex");
  const variant = "89ab"[parseInt(h[16]!, 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-3${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The SQL form of benchUuid(): `keySql` is an SQL text expression. */
export function sqlBenchUuid(keySql: string): string {
  const h = `md5(${keySql})`;
  return `(substr(${h}, 1, 12) || '3' || substr(${h}, 14, 3) || substr('89ab', (('x' || substr(${h}, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(${h}, 18, 15))::uuid`;
}
