import type { Db } from "../../db/client";
import type { AppraisalAudience, Prisma } from "../../db/generated/client";
import { inTransaction, isUniqueViolation, type Tx } from "../../db/tx";
import { DomainError } from "../errors";
import { writeAudit, SYSTEM_ACTOR, type Actor } from "../audit/audit-log";
import { AUDIENCES, DEFAULT_TEMPLATES, DIMENSIONS, type TemplateInput } from "./dimensions";
import { checkTemplate } from "./template-rules";
import type { TTemplateSave } from "./appraisal.schema";

// Templates are versions: saving writes the next version and never changes an earlier one (a
// trigger refuses it), so every appraisal keeps the exact items and maxima it was scored with.

export const templateSelect = {
  id: true,
  audience: true,
  version: true,
  name: true,
  maxDe: true,
  maxQin: true,
  maxNeng: true,
  maxJi: true,
  note: true,
  createdById: true,
  createdAt: true,
  items: { orderBy: { sortOrder: "asc" }, select: { id: true, dimension: true, name: true, maxScore: true, criteria: true, sortOrder: true } },
} satisfies Prisma.AppraisalTemplateSelect;

type TemplateRow = Prisma.AppraisalTemplateGetPayload<{ select: typeof templateSelect }>;

/** A template as the pages get it: decimals as strings ("20", "7.5"). */
export function presentTemplate(t: TemplateRow) {
  return {
    id: t.id,
    audience: t.audience,
    version: t.version,
    name: t.name,
    note: t.note,
    createdAt: t.createdAt,
    maxima: { de: t.maxDe.toString(), qin: t.maxQin.toString(), neng: t.maxNeng.toString(), ji: t.maxJi.toString() },
    items: t.items.map((i) => ({ id: i.id, dimension: i.dimension, name: i.name, maxScore: i.maxScore.toString(), criteria: i.criteria })),
  };
}
export type PresentedTemplate = ReturnType<typeof presentTemplate>;

async function insertVersion(tx: Tx, actor: Actor, audience: AppraisalAudience, version: number, input: TemplateInput) {
  const maxima = checkTemplate(input);
  // Items in 德勤能绩 order, then as entered.
  const ordered = DIMENSIONS.flatMap((d) => input.items.filter((i) => i.dimension === d));
  const created = await tx.appraisalTemplate.create({
    data: {
      audience,
      version,
      name: input.name.trim(),
      maxDe: maxima.de.toString(),
      maxQin: maxima.qin.toString(),
      maxNeng: maxima.neng.toString(),
      maxJi: maxima.ji.toString(),
      note: input.note?.trim() || null,
      createdById: actor.id,
      items: { create: ordered.map((i, n) => ({ dimension: i.dimension, name: i.name.trim(), maxScore: i.maxScore, criteria: i.criteria?.trim() || null, sortOrder: n })) },
    },
    select: templateSelect,
  });
  await writeAudit(tx, actor, {
    action: "appraisalTemplate.create",
    entity: "AppraisalTemplate",
    entityId: created.id,
    after: { audience, version, name: created.name, maxima: presentTemplate(created).maxima, items: ordered.map((i) => `${i.name} ${i.maxScore}`) },
  });
  return created;
}

/** The newest version for the audience, written from the default (002 篇2 附页 weighting) if none exists yet. */
export async function currentTemplate(tx: Tx, audience: AppraisalAudience): Promise<TemplateRow> {
  const latest = await tx.appraisalTemplate.findFirst({ where: { audience }, orderBy: { version: "desc" }, select: templateSelect });
  return latest ?? insertVersion(tx, SYSTEM_ACTOR, audience, 1, DEFAULT_TEMPLATES[audience]);
}

/** The newest version of each audience (or the default, not yet saved, as version 0) and the history. */
export async function listTemplates(db: Db) {
  const rows = await db.appraisalTemplate.findMany({ orderBy: [{ audience: "asc" }, { version: "desc" }], select: { ...templateSelect, _count: { select: { appraisals: true } } } });
  return AUDIENCES.map((audience) => {
    const versions = rows.filter((r) => r.audience === audience);
    const latest = versions[0];
    const current = latest
      ? presentTemplate(latest)
      : { id: null, audience, version: 0, name: DEFAULT_TEMPLATES[audience].name, note: null, createdAt: null, maxima: DEFAULT_TEMPLATES[audience].maxima, items: DEFAULT_TEMPLATES[audience].items.map((i) => ({ id: null, ...i, criteria: i.criteria ?? null })) };
    return {
      audience,
      current,
      history: versions.map((v) => ({ id: v.id, version: v.version, name: v.name, createdAt: v.createdAt, appraisalCount: v._count.appraisals })),
    };
  });
}

export async function getTemplate(db: Db, templateId: string) {
  const t = await db.appraisalTemplate.findUnique({ where: { id: templateId }, select: templateSelect });
  if (!t) throw new DomainError("NOT_FOUND");
  return presentTemplate(t);
}

/** Saves the next version; refused when the parts do not add up or someone saved meanwhile. */
export async function saveTemplate(db: Db, actor: Actor & { id: string }, input: TTemplateSave) {
  checkTemplate(input);
  try {
    return await inTransaction(db, async (tx) => {
      const latest = await tx.appraisalTemplate.findFirst({ where: { audience: input.audience }, orderBy: { version: "desc" }, select: { version: true } });
      const current = latest?.version ?? 0;
      if (current !== input.baseVersion) throw new DomainError("APPRAISAL_TEMPLATE_STALE", { version: current });
      return presentTemplate(await insertVersion(tx, actor, input.audience, current + 1, input));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("APPRAISAL_TEMPLATE_STALE", { version: input.baseVersion + 1 });
    throw e;
  }
}
