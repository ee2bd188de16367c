import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "./root";
import type { Context } from "./context";
import { MAX_BATCH_CALLS, refuseOversizedRequest } from "./batch-limit";
import { logRequestError } from "./error-log";
import { runWithRequestSignal } from "../db/abort-signal";

/**
 * The tRPC endpoint over HTTP (app/api/trpc/[trpc]/route.ts), apart from how the context is
 * made, so the integration tests drive the very handler the route uses.
 */
export function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Response | Promise<Response> {
  // Unbounded batches let one request occupy the server for seconds (issue 16 #7).
  const refused = refuseOversizedRequest(req);
  if (refused) return refused;
  // A request the browser abandons (a search typed over, a page left) stops its queries.
  return runWithRequestSignal(req.signal, () =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: MAX_BATCH_CALLS,
      createContext,
      // Refusals are not server errors (issue 16 #13): one line for a refused access, nothing for
      // a refused input; a real 500 keeps its full log with the stack.
      onError({ error, path }) {
        logRequestError(`trpc ${path ?? "(no procedure)"}`, error);
      },
    }),
  );
}
