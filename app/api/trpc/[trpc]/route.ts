import { requestContext } from "@/server/api/server";
import { handleTrpcRequest } from "@/server/api/http-handler";

function handler(req: Request) {
  return handleTrpcRequest(req, () => requestContext(req.headers));
}

// Every method goes to tRPC, which answers the ones it does not take (PUT, DELETE …) with a 405
// and a message in Chinese, not Next's empty 405 (issue 16 #13).
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
