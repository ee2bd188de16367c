import { describe, expect, it } from "vitest";
import { MAX_BATCH_CALLS, refuseOversizedRequest } from "./batch-limit";

const batch = (n: number, method = "GET", headers: Record<string, string> = {}) =>
  new Request(`http://x/api/trpc/${Array.from({ length: n }, () => "search.query").join(",")}?batch=1`, { method, headers });

describe("refuseOversizedRequest", () => {
  it("lets a batch of the cap through", () => {
    expect(refuseOversizedRequest(batch(MAX_BATCH_CALLS))).toBeNull();
  });
  it("refuses a larger GET or POST batch with a 400 and a Chinese message", async () => {
    for (const method of ["GET", "POST"]) {
      const r = refuseOversizedRequest(batch(100, method))!;
      expect(r.status).toBe(400);
      expect((await r.json()).error.message).toMatch(/最多 10 个调用/);
    }
  });
  it("refuses a body over the cap with a 413", () => {
    expect(refuseOversizedRequest(batch(1, "POST", { "content-length": "5000000" }))!.status).toBe(413);
  });
});
