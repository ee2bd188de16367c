import type { Role } from "../../auth/roles";
import { hasAnyRole } from "../../auth/roles";
import type { AnyPrintForm } from "../print-form";
import { handoverListForm } from "./handover-list";
import { weedingListForm } from "./weeding-list";
import { borrowSlipForm } from "./borrow-slip";
import { labelsForm } from "./labels";
import { complaintSheetForm } from "./complaint-sheet";
import { complaintCallbackForm } from "./complaint-callback";
import { repairOrderForm } from "./repair-order";
import { certificateHandoutForm } from "./certificate-handout";
import { appraisalRecordForm } from "./appraisal-record";
import { borrowRegisterForm } from "./borrow-register";
import { complaintStatsForm } from "./complaint-stats";
import { appraisalStatsForm } from "./appraisal-stats";
import { contactReportForm } from "./contact-report";

// Every printable form, in the order the /print page lists them. Modules add theirs here.
export const PRINT_FORMS: readonly AnyPrintForm[] = [
  handoverListForm,
  weedingListForm,
  borrowSlipForm,
  labelsForm,
  complaintSheetForm,
  complaintCallbackForm,
  repairOrderForm,
  certificateHandoutForm,
  appraisalRecordForm,
  borrowRegisterForm,
  complaintStatsForm,
  appraisalStatsForm,
  contactReportForm,
];

export function printFormByKey(key: string): AnyPrintForm | undefined {
  return PRINT_FORMS.find((f) => f.key === key);
}

export function printableFormsFor(roles: readonly Role[]): AnyPrintForm[] {
  return PRINT_FORMS.filter((f) => hasAnyRole(roles, f.roles));
}
