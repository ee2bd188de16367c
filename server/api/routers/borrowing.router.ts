import { router } from "../trpc";
import { requestsRouter } from "./borrowing/requests.router";
import { loansRouter } from "./borrowing/loans.router";
import { registerRouter } from "./borrowing/register.router";
import { certificatesRouter } from "./borrowing/certificates.router";

// 借阅, one router in four files: requests and approvals (incl. renewals' decisions), the loan at
// the archive desk (lend, receipt, return, renewal requests, overdue), the borrow register
// (借阅登记表, exports), and property-certificate hand-outs (产权证领取).
export const borrowingRouter = router({
  requests: requestsRouter,
  loans: loansRouter,
  register: registerRouter,
  certificates: certificatesRouter,
});
