import { z } from "zod";

export const ZUnitId = z.object({ unitId: z.uuid() });
export type TUnitId = z.infer<typeof ZUnitId>;

/** 项目 → 楼栋 → 房号: the browse page's choices (a project, then one of its buildings). */
export const ZBrowseUnits = z.object({
  projectId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
});
export type TBrowseUnits = z.infer<typeof ZBrowseUnits>;
