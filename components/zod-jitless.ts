import { z } from "zod";

// In the browser zod probes whether it may compile parsers with `new Function`; under the portal's
// CSP (no 'unsafe-eval', issue 16 #3) that probe is a CSP violation even though zod catches it.
// Jitless parsing is what it would fall back to anyway. The server (no CSP) keeps the fast path.
if (typeof window !== "undefined") z.config({ jitless: true });
