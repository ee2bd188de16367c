import type { Db } from "../../db/client";
import { inTransaction } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import type { TRevealClient } from "./search.schema";

/**
 * 查看完整证件号/电话 (004 第二十三条, 003 信息安全): personal data leaves the server unmasked only
 * here, for PII_REVEALERS, with a reason, and the audit entry is written in the same transaction
 * as the read — no entry, no value.
 */
export async function revealClient(db: Db, actor: Actor, input: TRevealClient) {
  return inTransaction(db, async (tx) => {
    const client = await tx.client.findUnique({ where: { id: input.clientId }, select: { id: true, name: true, idNumber: true, phone: true } });
    if (!client) throw new DomainError("NOT_FOUND");
    const fields = [client.idNumber ? "idNumber" : null, client.phone ? "phone" : null].filter((f): f is string => f !== null);
    await writeAudit(tx, actor, { action: "client.reveal", entity: "Client", entityId: client.id, after: { reason: input.reason, fields, name: client.name } });
    return { idNumber: client.idNumber, phone: client.phone };
  });
}
