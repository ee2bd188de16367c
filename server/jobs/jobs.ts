import type { Job } from "./scheduler";
import { loanRemindersJob } from "../domain/borrowing/overdue.job";

// The jobs the server runs on a timer; each module adds its own here.
export const JOBS: Job[] = [
  loanRemindersJob,
];
