import type { Db } from "../../db/client";
import type { Role } from "../../auth/roles";
import { inTransaction, type Tx } from "../../db/tx";
import { writeAudit, type Actor } from "../audit/audit-log";
import { ZBorrowSettings, type TBorrowSettings } from "./borrow.schema";
import { defaultDueOn, latestDueOn, type LoanRules } from "./loan-period";
import { shanghaiDay } from "../time";

// 借阅设置: one row (id 1). Until the admin saves it the schema's defaults apply; reading never
// writes (a query must not change data), the first save creates the row.
export type BorrowSettingsView = LoanRules & { secretApproverRole: Role; updatedAt: Date | null };

export const DEFAULT_BORROW_SETTINGS: TBorrowSettings = { defaultLoanDays: 7, maxLoanDays: 30, secretApproverRole: "manager", remindDaysBefore: 1 };

export async function getBorrowSettings(db: Db | Tx): Promise<BorrowSettingsView> {
  const row = await db.borrowSettings.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULT_BORROW_SETTINGS, updatedAt: null };
  return { defaultLoanDays: row.defaultLoanDays, maxLoanDays: row.maxLoanDays, secretApproverRole: row.secretApproverRole, remindDaysBefore: row.remindDaysBefore, updatedAt: row.updatedAt };
}

/** What the request form needs: today, the proposed due day and the latest allowed (Shanghai days). */
export async function requestFormDefaults(db: Db, now = new Date()) {
  const s = await getBorrowSettings(db);
  return { today: shanghaiDay(now), defaultDueOn: defaultDueOn(now, s), latestDueOn: latestDueOn(now, s), defaultLoanDays: s.defaultLoanDays, maxLoanDays: s.maxLoanDays };
}

export async function updateBorrowSettings(db: Db, actor: Actor, raw: TBorrowSettings) {
  const input = ZBorrowSettings.parse(raw);
  return inTransaction(db, async (tx) => {
    const before = await getBorrowSettings(tx);
    const row = await tx.borrowSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    const { updatedAt: _u, ...beforeValues } = before;
    await writeAudit(tx, actor, { action: "borrowSettings.update", entity: "BorrowSettings", entityId: "1", before: beforeValues, after: input });
    return { ...input, updatedAt: row.updatedAt };
  });
}
