import { z } from "zod";
import { ZDay } from "../calendar-day";

// Zod schemas of archive classes and records, shared by the procedures and the forms (one
// schema, two users). Messages are "validation.*" catalogue keys.

export const CONDITIONS = ["individual", "company", "out_of_town", "minor", "co_owner", "contract_changed"] as const;
/** The flags a record can carry; individual/company come from the client, not from a checkbox. */
export const RECORD_FLAGS = ["out_of_town", "minor", "co_owner", "contract_changed"] as const;
export const CONFIDENTIALITIES = ["public", "internal", "secret"] as const;

const ZName = z.string().trim().min(1, "required").max(100, "tooLong");
const ZShort = z.string().trim().max(50, "tooLong").optional();
const ZYears = z.coerce.number<number>().int("integer").min(1, "retentionYears").max(100, "retentionYears");

/** 保管期限 as a form picks it: 永久, 30, 10 or a custom number of years. */
export const ZRetentionChoice = z.enum(["permanent", "30", "10", "custom"]);

// ── classes ────────────────────────────────────────────────────────────────────────────────
const ZClassFields = z.object({
  name: ZName,
  description: z.string().trim().max(200, "tooLong").optional(),
  retention: ZRetentionChoice,
  customYears: ZYears.optional(),
  isClientFile: z.boolean(),
  sortOrder: z.coerce.number<number>().int("integer").min(0, "integer").max(9999, "integer").default(0),
});

const customNeedsYears = (v: { retention: string; customYears?: number }) => v.retention !== "custom" || v.customYears !== undefined;

export const ZCreateArchiveClass = ZClassFields.extend({
  // 档号 starts with the code (KH-2026-000123): upper-case letters only, so numbers stay readable.
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().min(1, "required").max(6, "tooLong").regex(/^[A-Z]+$/, "classCode")),
}).refine(customNeedsYears, { path: ["customYears"], message: "retentionYears" });
export type TCreateArchiveClass = z.infer<typeof ZCreateArchiveClass>;

export const ZUpdateArchiveClass = ZClassFields.extend({ classId: z.uuid(), isActive: z.boolean() }).refine(customNeedsYears, {
  path: ["customYears"],
  message: "retentionYears",
});
export type TUpdateArchiveClass = z.infer<typeof ZUpdateArchiveClass>;

export const ZClassId = z.object({ classId: z.uuid() });

const ZItemFields = z.object({
  name: ZName,
  requiredCount: z.coerce.number<number>().int("integer").min(1, "count").max(99, "count"),
  // "" in the form = applies to every file.
  // (null accepted too, so the form's parsed value is valid procedure input.)
  condition: z.union([z.enum(CONDITIONS), z.literal(""), z.null()]).transform((c) => c || null),
  sortOrder: z.coerce.number<number>().int("integer").min(0, "integer").max(9999, "integer").default(0),
});
export const ZCreateChecklistItem = ZItemFields.extend({ classId: z.uuid() });
export type TCreateChecklistItem = z.infer<typeof ZCreateChecklistItem>;
export const ZUpdateChecklistItem = ZItemFields.extend({ itemId: z.uuid(), isActive: z.boolean() });
export type TUpdateChecklistItem = z.infer<typeof ZUpdateChecklistItem>;

/** The retention years a choice stands for (null = 永久). */
export function retentionYearsOf(v: { retention: z.infer<typeof ZRetentionChoice>; customYears?: number }): number | null {
  if (v.retention === "permanent") return null;
  if (v.retention === "custom") return v.customYears!;
  return Number(v.retention);
}

/** The form's choice for stored years. */
export function retentionChoiceOf(years: number | null): { retention: z.infer<typeof ZRetentionChoice>; customYears?: number } {
  if (years === null) return { retention: "permanent" };
  if (years === 30 || years === 10) return { retention: String(years) as "30" | "10" };
  return { retention: "custom", customYears: years };
}

// ── records ────────────────────────────────────────────────────────────────────────────────
const ZOptionalId = z.union([z.uuid(), z.literal("")]).optional();

export const ZPaperItem = z.object({
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  count: z.coerce.number<number>().int("integer").min(0, "count").max(999, "count"),
  remark: z.string().trim().max(200, "tooLong").optional(),
});

const uniqueNames = (items: { name: string }[]) => new Set(items.map((i) => i.name)).size === items.length;

export const ZCreateArchiveRecord = z
  .object({
    classId: z.uuid("required"),
    title: z.string().trim().min(1, "required").max(200, "tooLong"),
    formedOn: ZDay,
    // "class" = the class's default retention.
    retention: z.union([ZRetentionChoice, z.literal("class")]),
    customYears: ZYears.optional(),
    confidentiality: z.enum(CONFIDENTIALITIES),
    projectId: ZOptionalId,
    buildingId: ZOptionalId,
    unitId: ZOptionalId,
    clientId: ZOptionalId,
    parties: z.string().trim().max(200, "tooLong").optional(),
    cabinet: ZShort,
    shelf: ZShort,
    box: ZShort,
    conditions: z.array(z.enum(RECORD_FLAGS)).default([]),
    paperItems: z.array(ZPaperItem).max(100, "tooLong").default([]).refine(uniqueNames, "duplicateItem"),
    remarks: z.string().trim().max(500, "tooLong").optional(),
  })
  .refine(customNeedsYears, { path: ["customYears"], message: "retentionYears" });
export type TCreateArchiveRecord = z.infer<typeof ZCreateArchiveRecord>;

export const ZRecordId = z.object({ recordId: z.uuid() });

export const ZUpdateLocation = z.object({ recordId: z.uuid(), cabinet: ZShort, shelf: ZShort, box: ZShort });
export type TUpdateLocation = z.infer<typeof ZUpdateLocation>;

export const ZUpdatePaperItems = z.object({
  recordId: z.uuid(),
  items: z.array(ZPaperItem).max(100, "tooLong").refine(uniqueNames, "duplicateItem"),
});
export type TUpdatePaperItems = z.infer<typeof ZUpdatePaperItems>;

export const ZClientFiles = z.object({
  projectId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  incompleteOnly: z.boolean().default(false),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(30),
});
export type TClientFiles = z.infer<typeof ZClientFiles>;

export const ZBuildingUnits = z.object({ buildingId: z.uuid() });
export const ZUnitOwners = z.object({ unitId: z.uuid() });
