import type { Db } from "../../db/client";
import type { Role } from "../../auth/roles";
import { inTransaction, type Tx } from "../../db/tx";
import { writeAudit, type Actor } from "../audit/audit-log";
import { ZBorrowSettings, type TBorrowSettings } from "./borrow.schema";
import { defaultDueOn, latestDueOn, type LoanRules } from "./loan-period";
import { shanghaiDay } from "../time";
import { loadExceptions } from "../calendar/calendar.service";
import type { Exceptions } from "../calendar/working-days";

// 借阅设置: one row (id 1). Until the admin saves it the schema's defaults apply; reading never
// writes (a query must not change data), the first save creates the row.
export type BorrowSettingsView = Omit<LoanRules, "exceptions" | "countWorkingDays"> & { countWorkingDays: boolean; secretApproverRole: Role; updatedAt: Date | null };

export const DEFAULT_BORROW_SETTINGS: TBorrowSettings = { defaultLoanDays: 7, maxLoanDays: 30, secretApproverRole: "manager", remindDaysBefore: 1, countWorkingDays: false };

export async function getBorrowSettings(db: Db | Tx): Promise<BorrowSettingsView> {
  const row = await db.borrowSettings.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULT_BORROW_SETTINGS, updatedAt: null };
  return { defaultLoanDays: row.defaultLoanDays, maxLoanDays: row.maxLoanDays, secretApproverRole: row.secretApproverRole, remindDaysBefore: row.remindDaysBefore, countWorkingDays: row.countWorkingDays, updatedAt: row.updatedAt };
}

/** The settings with the holiday calendar, for computing due days (loaded once per request). */
export async function dueDayRules(db: Db | Tx): Promise<BorrowSettingsView & { exceptions: Exceptions }> {
  const [s, exceptions] = await Promise.all([getBorrowSettings(db), loadExceptions(db)]);
  return { ...s, exceptions };
}

/** What the request form needs: today, the proposed due day and the latest allowed (Shanghai days). */
export async function requestFormDefaults(db: Db, now = new Date()) {
  const s = await dueDayRules(db);
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
