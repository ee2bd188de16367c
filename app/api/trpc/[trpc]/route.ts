import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { requestContext } from "@/server/api/server";
import { runWithRequestSignal } from "@/server/db/abort-signal";
import { MAX_BATCH_CALLS, refuseOversizedRequest } from "@/server/api/batch-limit";

function handler(req: Request) {
  // Unbounded batches let one request occupy the server for seconds (issue 16 #7).
  const refused = refuseOversizedRequest(req);
  if (refused) return refused;
  // A request the browser abandons (a search typed over, a page left) stops its queries.
  return runWithRequestSignal(req.signal, () => fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: () => requestContext(req.headers),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path}:`, error.cause ?? error);
    },
  }));
}

export { handler as GET, handler as POST };
