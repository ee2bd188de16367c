// Next.js calls register() once per server process at start: the place to start the scheduler
// (reminders, overdue flags). KEFU_SCHEDULER=off leaves it out (e.g. a web-only instance).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.KEFU_SCHEDULER === "off") return;
  const [{ startScheduler }, { JOBS }, { db }] = await Promise.all([import("./server/jobs/scheduler"), import("./server/jobs/jobs"), import("./server/db/client")]);
  startScheduler(JOBS, { getDb: db });
}
