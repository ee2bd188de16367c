import { z } from "zod";

const ZCode = z.string().trim().min(1, "required").max(20, "tooLong").regex(/^[A-Za-z0-9_-]+$/, "code");
const ZName = z.string().trim().min(1, "required").max(100, "tooLong");

export const ZCreateProject = z.object({
  code: ZCode.transform((s) => s.toUpperCase()),
  name: ZName,
  city: z.string().trim().max(50, "tooLong").optional(),
  address: z.string().trim().max(200, "tooLong").optional(),
});
export type TCreateProject = z.infer<typeof ZCreateProject>;

export const ZUpdateProject = ZCreateProject.omit({ code: true }).extend({ projectId: z.uuid(), isActive: z.boolean() });
export type TUpdateProject = z.infer<typeof ZUpdateProject>;

export const ZCreateBuilding = z.object({
  projectId: z.uuid(),
  code: z.string().trim().min(1, "required").max(20, "tooLong"),
  name: ZName,
  sortOrder: z.coerce.number<number>().int("integer").min(0, "integer").max(9999, "integer").default(0),
});
export type TCreateBuilding = z.infer<typeof ZCreateBuilding>;

export const ZCreateUnit = z.object({
  buildingId: z.uuid(),
  number: z.string().trim().min(1, "required").max(20, "tooLong"),
  floor: z.coerce.number<number>().int("integer").min(-5, "integer").max(200, "integer").optional(),
  // Exact decimal as text; never a float (money and areas are exact).
  areaSqm: z
    .string()
    .trim()
    .regex(/^(\d{1,6}(\.\d{1,2})?)?$/, "decimal2")
    .optional(),
});
export type TCreateUnit = z.infer<typeof ZCreateUnit>;

// 楼层 × 每层户数 → 房号 such as 0101…1804: how units are usually entered for a new building.
export const ZGenerateUnits = z
  .object({
    buildingId: z.uuid(),
    fromFloor: z.coerce.number<number>().int("integer").min(1, "integer").max(200, "integer"),
    toFloor: z.coerce.number<number>().int("integer").min(1, "integer").max(200, "integer"),
    unitsPerFloor: z.coerce.number<number>().int("integer").min(1, "integer").max(20, "integer"),
  })
  .refine((v) => v.toFloor >= v.fromFloor, { path: ["toFloor"], message: "floorRange" });
export type TGenerateUnits = z.infer<typeof ZGenerateUnits>;

export const ZProjectId = z.object({ projectId: z.uuid() });
export const ZBuildingId = z.object({ buildingId: z.uuid() });
