import { DomainError } from "../errors";
import type { THandoverCheck } from "./handover.schema";

// The rules of one 移交 batch (004 第八、九条), pure so every allowed and refused move is tested:
// lines are checked only while the batch is 核对中; it is signed only when no line is pending;
// a signed batch is the permanent record of what was handed over and never changes again.

export type BatchStatus = "checking" | "signed";

/** Lines can be (re)checked only while the batch is being checked. */
export function assertChecking(batch: { status: BatchStatus; batchNo: string }): void {
  if (batch.status !== "checking") throw new DomainError("HANDOVER_SIGNED", { batchNo: batch.batchNo });
}

/**
 * The stored result of marking one line. 已收到 means the full expected count (a short count is
 * 有误, so the shortfall is visible on the batch); 缺失 means nothing arrived; 有误 keeps the
 * count the archivist counted (defaulting to the expected count: the wrong version of a
 * document still arrived) and requires a remark (checked by the schema).
 */
export function checkedLine(
  line: { expectedCount: number },
  input: { check: Exclude<THandoverCheck, "pending">; receivedCount?: number; remark?: string },
): { check: Exclude<THandoverCheck, "pending">; receivedCount: number; remark: string | null } {
  const remark = input.remark?.trim() || null;
  switch (input.check) {
    case "received":
      if (input.receivedCount !== undefined && input.receivedCount !== line.expectedCount) {
        throw new DomainError("HANDOVER_RECEIVED_COUNT", { expected: line.expectedCount });
      }
      return { check: "received", receivedCount: line.expectedCount, remark };
    case "missing":
      return { check: "missing", receivedCount: 0, remark };
    case "wrong":
      return { check: "wrong", receivedCount: input.receivedCount ?? line.expectedCount, remark };
  }
}

export type CheckSummary = { lines: number; pending: number; received: number; missing: number; wrong: number };

export function summarise(lines: readonly { check: THandoverCheck }[]): CheckSummary {
  const s: CheckSummary = { lines: lines.length, pending: 0, received: 0, missing: 0, wrong: 0 };
  for (const l of lines) s[l.check]++;
  return s;
}

/** 核对无误后签收: signing needs every line checked (missing and wrong lines are allowed, recorded). */
export function assertSignable(batch: { status: BatchStatus; batchNo: string }, summary: CheckSummary): void {
  assertChecking(batch);
  if (summary.pending > 0) throw new DomainError("HANDOVER_PENDING_LINES", { pending: summary.pending });
}

export type FilingLine = {
  lineNo: number;
  unitId: string | null;
  clientName: string;
  clientId: string | null;
  documentName: string;
  receivedCount: number | null;
  check: THandoverCheck;
  remark: string | null;
};

export type FileGroup = {
  unitId: string | null;
  clientName: string;
  clientId: string | null;
  paperItems: { name: string; count: number; remark: string | null }[];
};

/**
 * One client file per (unit, client) of the signed list. Its paper items are the documents that
 * arrived (已收到 and 有误, with the counted number; 有误 carries its remark); 缺失 lines stay on
 * the batch only. The same document listed twice for one file is one paper item with the counts
 * added. A file of which nothing arrived is not created: there is nothing to shelve, and the
 * batch keeps its missing lines.
 */
export function fileGroups(lines: readonly FilingLine[]): FileGroup[] {
  const groups = new Map<string, FileGroup & { items: Map<string, { name: string; count: number; remarks: string[] }> }>();
  for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const key = `${l.unitId ?? ""}\u0000${l.clientName}`;
    let g = groups.get(key);
    if (!g) {
      g = { unitId: l.unitId, clientName: l.clientName, clientId: l.clientId, paperItems: [], items: new Map() };
      groups.set(key, g);
    }
    g.clientId ??= l.clientId;
    if (l.check !== "received" && l.check !== "wrong") continue;
    const count = l.receivedCount ?? 0;
    if (count <= 0) continue;
    const item = g.items.get(l.documentName) ?? { name: l.documentName, count: 0, remarks: [] };
    item.count += count;
    if (l.check === "wrong") item.remarks.push(`有误：${l.remark ?? ""}`.trim());
    g.items.set(l.documentName, item);
  }
  return [...groups.values()]
    .filter((g) => g.items.size > 0)
    .map((g) => ({
      unitId: g.unitId,
      clientName: g.clientName,
      clientId: g.clientId,
      paperItems: [...g.items.values()].map((i) => ({ name: i.name, count: i.count, remark: i.remarks.length ? i.remarks.join("；").slice(0, 500) : null })),
    }));
}
