import { router } from "../trpc";
import { templatesRouter } from "./appraisal/templates.router";
import { appraisalsRouter } from "./appraisal/appraisals.router";
import { reportsRouter } from "./appraisal/reports.router";
import { finesRouter } from "./appraisal/fines.router";

// 绩效考核, one router in four files: templates (考核标准), appraisals and their workflow, the
// record and statistics tables, disciplinary fines (违规处罚).
export const appraisalRouter = router({
  templates: templatesRouter,
  appraisals: appraisalsRouter,
  reports: reportsRouter,
  fines: finesRouter,
});
