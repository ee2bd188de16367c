import type { Job } from "./scheduler";
import { loanRemindersJob } from "../domain/borrowing/overdue.job";
import { checkComplaintClocks } from "../domain/complaints/clock-checks";
import { applyComplaintLadder, applyLoanLadder } from "../domain/calendar/escalation.service";
import { contactReportRemindersJob } from "../domain/contacts/report-reminders.job";
import { auditCheckpointJob } from "../domain/audit/checkpoint.job";

// The jobs the server runs on a timer; each module adds its own here.
export const JOBS: Job[] = [
  loanRemindersJob,
  // 投诉时限: reply, 4-hour progress and callback clocks that ran out (DOMAIN §3).
  { name: "complaint-clocks", everyMs: 5 * 60_000, run: (db, now) => checkComplaintClocks(db, now) },
  // 逾期升级 (calendar): overdue loans and open major complaints climb their ladders, each step once.
  { name: "escalation-ladders", everyMs: 5 * 60_000, run: async (db, now) => ({ loans: await applyLoanLadder(db, now), complaints: await applyComplaintLadder(db, now) }) },
  // 来电来访情况 日报/周报/月报 not signed by their due time (000 §13).
  contactReportRemindersJob,
  // 审计链锚定 (issue 16 #11): a signed checkpoint of the audit chain, outside the database.
  auditCheckpointJob,
];
