// The portal's services in a process of their own, for tests/integration/faults-server-killed.test.ts:
// it opens the database the way the server does (DATABASE_URL, or PGLITE_DATA_DIR on disk), then
// runs a burst of loan approvals, lends and complaint updates through the real tRPC caller, several
// at once, and acknowledges each finished operation on stdout ("ACK <op> <id>") the moment its
// transaction has committed — what a browser would see as success. The test kills it with SIGKILL
// in the middle. Not a test file itself (vitest picks up *.test.ts only).
import fs from "node:fs";
import { openDatabase } from "../../server/db/client";
import { createCaller } from "../../server/api/root";
import type { SessionUser } from "../../server/domain/accounts/session";

export type FaultPlan = {
  manager: SessionUser;
  archivist: SessionUser;
  handler: SessionUser;
  slips: string[];
  complaints: string[];
};

const plan = JSON.parse(fs.readFileSync(process.env.FAULTS_PLAN!, "utf8")) as FaultPlan;
const db = await openDatabase();
const as = (user: SessionUser) => createCaller({ db, user, ip: "127.0.0.1", locale: "zh-CN" });
const manager = as(plan.manager);
const archivist = as(plan.archivist);
const handler = as(plan.handler);
const ack = (op: string, id: string) => process.stdout.write(`ACK ${op} ${id}\n`);

async function borrowLane(ids: string[]) {
  for (const requestId of ids) {
    await manager.borrowing.requests.approve({ requestId });
    ack("approve", requestId);
    await archivist.borrowing.loans.lend({ requestId });
    ack("lend", requestId);
  }
}

async function complaintLane(ids: string[]) {
  for (const complaintId of ids) {
    await handler.complaints.progress({ complaintId, note: "故障测试：已联系业主" });
    ack("progress", complaintId);
    await handler.complaints.resolve({ complaintId, note: "故障测试：已处理完毕" });
    ack("resolve", complaintId);
  }
}

const every = <T>(xs: T[], lanes: number, lane: number) => xs.filter((_, i) => i % lanes === lane);
process.stdout.write("READY\n");
await Promise.all([
  borrowLane(every(plan.slips, 2, 0)),
  borrowLane(every(plan.slips, 2, 1)),
  complaintLane(every(plan.complaints, 2, 0)),
  complaintLane(every(plan.complaints, 2, 1)),
]);
process.stdout.write("DONE\n");
process.exit(0);
