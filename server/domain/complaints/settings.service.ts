import Decimal from "decimal.js";
import type { Db } from "../../db/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, type Actor } from "../audit/audit-log";
import { DEFAULT_LEADS, DEFAULT_RULES, type ClockLeads, type ClockRules } from "./clocks";
import { loadExceptions } from "../calendar/calendar.service";
import { workingDayPredicate } from "../calendar/working-days";
import { ZCategoryCreate, ZCategoryUpdate, ZServiceSettings, type TServiceSettings } from "./complaints.schema";
import type { z } from "zod";

// The clock rules, the repair thresholds and approvers (one row, id 1) and the categories.

export type ServiceSettingsView = {
  rules: ClockRules;
  leads: ClockLeads;
  engineeringLimit: string;
  engineeringApproverId: string | null;
  generalApproverId: string | null;
};

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const minutesOf = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/**
 * The settings in force (defaults until an admin saves them). In working mode the clocks count on
 * the admin's holiday calendar (放假/调休), loaded once here per request or job tick.
 */
export async function readSettings(db: Db | Tx): Promise<ServiceSettingsView> {
  const s = await db.serviceSettings.findUnique({ where: { id: 1 } });
  if (!s) return { rules: DEFAULT_RULES, leads: DEFAULT_LEADS, engineeringLimit: "5000.00", engineeringApproverId: null, generalApproverId: null };
  const isWorkingDay = s.clockMode === "working" ? workingDayPredicate(await loadExceptions(db)) : undefined;
  return {
    rules: {
      mode: s.clockMode,
      replyDays: s.replyDays,
      progressHours: s.progressHours,
      callbackDays: s.callbackDays,
      workdayStartMinute: s.workdayStartMinute,
      workdayEndMinute: s.workdayEndMinute,
      ...(isWorkingDay ? { isWorkingDay } : {}),
    },
    leads: { reply: s.replyWarnMinutes, progress: s.progressWarnMinutes, callback: s.callbackWarnMinutes },
    engineeringLimit: new Decimal(s.engineeringLimit.toString()).toFixed(2),
    engineeringApproverId: s.engineeringApproverId,
    generalApproverId: s.generalApproverId,
  };
}

/** The settings form's values. */
export async function getSettingsForm(db: Db) {
  const s = await readSettings(db);
  const approvers = await db.user.findMany({
    where: { isActive: true, roles: { some: { role: "manager" } } },
    select: { id: true, displayName: true, loginName: true, department: { select: { name: true } } },
    orderBy: { loginName: "asc" },
  });
  return {
    values: {
      clockMode: s.rules.mode,
      workdayStart: hhmm(s.rules.workdayStartMinute),
      workdayEnd: hhmm(s.rules.workdayEndMinute),
      replyDays: s.rules.replyDays,
      progressHours: s.rules.progressHours,
      callbackDays: s.rules.callbackDays,
      replyWarnMinutes: s.leads.reply,
      progressWarnMinutes: s.leads.progress,
      callbackWarnMinutes: s.leads.callback,
      engineeringLimit: s.engineeringLimit,
      engineeringApproverId: s.engineeringApproverId ?? "",
      generalApproverId: s.generalApproverId ?? "",
    } satisfies TServiceSettings,
    approvers: approvers.map((a) => ({ id: a.id, name: a.displayName, loginName: a.loginName, department: a.department?.name ?? null })),
  };
}

export async function updateSettings(db: Db, actor: Actor, raw: TServiceSettings) {
  const input = ZServiceSettings.parse(raw);
  return inTransaction(db, async (tx) => {
    for (const id of [input.engineeringApproverId, input.generalApproverId]) {
      if (id && !(await tx.user.findFirst({ where: { id, isActive: true, roles: { some: { role: "manager" } } }, select: { id: true } }))) {
        throw new DomainError("COMPLAINT_ASSIGNEE_UNKNOWN");
      }
    }
    // 003 has two different people review and approve a large repair.
    if (input.engineeringApproverId && input.engineeringApproverId === input.generalApproverId) throw new DomainError("REPAIR_SAME_APPROVER");
    const before = await readSettings(tx);
    const data = {
      clockMode: input.clockMode,
      workdayStartMinute: minutesOf(input.workdayStart),
      workdayEndMinute: minutesOf(input.workdayEnd),
      replyDays: input.replyDays,
      progressHours: input.progressHours,
      callbackDays: input.callbackDays,
      replyWarnMinutes: input.replyWarnMinutes,
      progressWarnMinutes: input.progressWarnMinutes,
      callbackWarnMinutes: input.callbackWarnMinutes,
      engineeringLimit: input.engineeringLimit,
      engineeringApproverId: input.engineeringApproverId ?? null,
      generalApproverId: input.generalApproverId ?? null,
    };
    await tx.serviceSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const after = await readSettings(tx);
    // The calendar predicate is a function (not data): the audit keeps the values only.
    const plain = (v: ServiceSettingsView) => ({ ...v, rules: { ...v.rules, isWorkingDay: undefined } });
    await writeAudit(tx, actor, { action: "complaints.settings", entity: "ServiceSettings", entityId: "1", before: plain(before) as never, after: plain(after) as never });
    return after;
  });
}

export async function listCategories(db: Db, opts: { activeOnly?: boolean } = {}) {
  return db.complaintCategory.findMany({
    where: opts.activeOnly ? { isActive: true } : {},
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, isActive: true, sortOrder: true },
  });
}

export async function createCategory(db: Db, actor: Actor, raw: z.input<typeof ZCategoryCreate>) {
  const input = ZCategoryCreate.parse(raw);
  try {
    return await inTransaction(db, async (tx) => {
      const c = await tx.complaintCategory.create({ data: input, select: { id: true, code: true, name: true } });
      await writeAudit(tx, actor, { action: "complaints.category.create", entity: "ComplaintCategory", entityId: c.id, after: input });
      return c;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("COMPLAINT_CATEGORY_TAKEN");
    throw e;
  }
}

/** Renamed or deactivated, never deleted: old complaints keep their category. */
export async function updateCategory(db: Db, actor: Actor, raw: z.input<typeof ZCategoryUpdate>) {
  const input = ZCategoryUpdate.parse(raw);
  try {
    return await inTransaction(db, async (tx) => {
      const before = await tx.complaintCategory.findUnique({ where: { id: input.categoryId }, select: { name: true, isActive: true, sortOrder: true } });
      if (!before) throw new DomainError("NOT_FOUND");
      const after = { name: input.name, isActive: input.isActive, sortOrder: input.sortOrder };
      await tx.complaintCategory.update({ where: { id: input.categoryId }, data: after });
      await writeAudit(tx, actor, { action: "complaints.category.update", entity: "ComplaintCategory", entityId: input.categoryId, before, after });
      return { id: input.categoryId, ...after };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("COMPLAINT_CATEGORY_TAKEN");
    throw e;
  }
}
