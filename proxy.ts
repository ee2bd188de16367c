import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./server/http/security-headers";

// Next 16's Proxy (formerly middleware): a Content-Security-Policy with a fresh nonce on every
// request (issue 16 #3). Next.js takes the nonce from the request's CSP header while it renders
// and puts it on its scripts, which is why every page is rendered per request (app/layout.tsx).
// The other security headers are the same everywhere and come from next.config.ts.
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  // Set, never appended to: a client's own x-nonce or CSP request header is replaced.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Every page, app/api/* (tRPC, exports, print PDFs, uploads) and the print pages; not the
  // build's static files, which are not documents and carry SECURITY_HEADERS from next.config.ts.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
