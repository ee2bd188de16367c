import type { AppraisalAudience, AppraisalDimension, AppraisalKind } from "../../db/generated/client";

// 002 篇2 4.5: 德、勤、能、绩, in this order on every form and table.
export const DIMENSIONS: readonly AppraisalDimension[] = ["de", "qin", "neng", "ji"];
export const AUDIENCES: readonly AppraisalAudience[] = ["operational", "management"];
export const KINDS: readonly AppraisalKind[] = ["weekly_check", "monthly_check", "spot_check", "monthly", "year_end"];
/** 周检、月检、抽检: the checks a supervisor may score for the team (DOMAIN "People and roles"). */
export const CHECK_KINDS: readonly AppraisalKind[] = ["weekly_check", "monthly_check", "spot_check"];

export type TemplateItemInput = { dimension: AppraisalDimension; name: string; maxScore: string; criteria?: string | null };
export type TemplateInput = { name: string; maxima: Record<AppraisalDimension, string>; items: TemplateItemInput[]; note?: string | null };

const item = (dimension: AppraisalDimension, name: string, maxScore: number, criteria: string): TemplateItemInput => ({ dimension, name, maxScore: String(maxScore), criteria });

/**
 * 002 篇2 4.5.3: 德 20, 勤 20, 能 30, 绩 30 with the items the source names. The items' maxima
 * are the department's own weighting (the source leaves them to its 附页): operational staff are
 * weighted towards 业务能力 and 工作效果, managers towards 组织/管理能力.
 */
export const DEFAULT_TEMPLATES: Record<AppraisalAudience, TemplateInput> = {
  operational: {
    name: "操作层员工考核标准",
    maxima: { de: "20", qin: "20", neng: "30", ji: "30" },
    items: [
      item("de", "思想道德", 5, "遵纪守法，诚实守信，维护公司利益"),
      item("de", "服务态度", 5, "热情接待客户，按《员工服务规范》服务，无有效投诉"),
      item("de", "纪律作风", 5, "遵守行为规范，无脱岗、迟到早退、仪容不整"),
      item("de", "人际关系", 5, "团结同事，不搬弄是非，与客户无争吵"),
      item("qin", "工作出勤", 5, "按时出勤，无旷工"),
      item("qin", "参与性", 5, "积极参加部门会议、培训和活动"),
      item("qin", "主动性", 5, "主动发现并处理问题，不推诿"),
      item("qin", "协调性", 5, "与其他部门配合顺畅"),
      item("neng", "业务能力", 12, "熟悉签约、按揭、权证、档案等业务规程"),
      item("neng", "组织能力", 6, "能组织交房、回访等现场工作"),
      item("neng", "管理能力", 5, "管理好本岗位资料与事务"),
      item("neng", "创新能力", 7, "提出改进服务和流程的建议"),
      item("ji", "工作效率", 10, "按时限完成工作，投诉 4 小时内回复"),
      item("ji", "培训效果", 5, "培训考核合格"),
      item("ji", "工作效果", 10, "工作差错、回访满意度"),
      item("ji", "其它成绩", 5, "规程未包括的其它成绩（002 篇2 4.7）"),
    ],
  },
  management: {
    name: "管理层员工考核标准",
    maxima: { de: "20", qin: "20", neng: "30", ji: "30" },
    items: [
      item("de", "思想道德", 5, "遵纪守法，廉洁自律"),
      item("de", "服务态度", 5, "以身作则，妥善处理重大投诉"),
      item("de", "纪律作风", 5, "严格执行规章制度，公平公正考核员工"),
      item("de", "人际关系", 5, "团结部门员工，协调上下级关系"),
      item("qin", "工作出勤", 5, "按时出勤，按值班表到岗"),
      item("qin", "参与性", 5, "主持或参加部务会、培训"),
      item("qin", "主动性", 5, "主动检查、监督、查处违章"),
      item("qin", "协调性", 5, "与工程、物业、销售等部门协调"),
      item("neng", "业务能力", 8, "熟悉客服全部业务规程"),
      item("neng", "组织能力", 8, "合理安排部门工作，完成任务指标"),
      item("neng", "管理能力", 8, "指导、培训、考核下属"),
      item("neng", "创新能力", 6, "制定和改进部门制度"),
      item("ji", "工作效率", 8, "部门工作按计划完成"),
      item("ji", "培训效果", 6, "下属培训合格率"),
      item("ji", "工作效果", 10, "投诉处理、回访、满意度指标"),
      item("ji", "其它成绩", 6, "规程未包括的其它成绩（002 篇2 4.7）"),
    ],
  },
};
