/** One request may carry at most this many calls; the client's httpBatchLink uses the same number. */
export const MAX_BATCH_CALLS = 10;
/** A POST body above this is refused before it is read (the largest form is far below it). */
export const MAX_BODY_BYTES = 1_000_000;
export const MAX_URL_LENGTH = 4_000;

/** A refusal for a batch too large or a body too big, or null when the request may go on. */
export function refuseOversizedRequest(req: Request): Response | null {
  const url = new URL(req.url);
  const calls = url.searchParams.get("batch") === "1" ? url.pathname.split("/").pop()!.split(",").length : 1;
  if (calls > MAX_BATCH_CALLS) return refusal(400, `一次请求最多 ${MAX_BATCH_CALLS} 个调用，本次为 ${calls} 个`);
  const length = Number(req.headers.get("content-length") ?? 0);
  if (req.url.length > MAX_URL_LENGTH + 1_000 || length > MAX_BODY_BYTES) return refusal(413, "请求过大");
  return null;
}

function refusal(status: number, message: string): Response {
  return Response.json({ error: { message, code: status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST" } }, { status });
}
