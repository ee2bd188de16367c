// Next.js calls register() once per server process at start: the place to start the scheduler
// (reminders, overdue flags). KEFU_SCHEDULER=off leaves it out (e.g. a web-only instance).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A refusal a page or route lets through is one warning line in the log, not an error with a stack (issue 16 #13).
  const { quietRefusals } = await import("./server/api/error-log");
  quietRefusals();
  if (process.env.KEFU_SCHEDULER === "off") return;
  const [{ startScheduler }, { JOBS }, { db }] = await Promise.all([import("./server/jobs/scheduler"), import("./server/jobs/jobs"), import("./server/db/client")]);
  startScheduler(JOBS, { getDb: db });
}
