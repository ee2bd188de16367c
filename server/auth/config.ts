import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "../db/client";
import { authSecret } from "../env";
import { signIn as authenticate } from "../domain/accounts/authenticate";
import { endSession } from "../domain/accounts/session";
import { ZLogin } from "../domain/accounts/accounts.schema";
import { ABSOLUTE_TIMEOUT_MS } from "../domain/accounts/session-policy";
import { clientIp } from "./client-ip";

/** Carries the refusal reason to the sign-in page: "invalid", "inactive", "locked:15" … */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

// next-auth only carries the server-side session id (JWT, credentials sign-in); who the user is
// and what they may do is read from the database on every request (server/auth/session.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  pages: { signIn: "/login" },
  logger: {
    // A refused sign-in is an expected outcome (recorded in LoginAttempt), not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { loginName: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = ZLogin.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid");
        const result = await authenticate(await db(), {
          ...parsed.data,
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (!result.ok) throw new SignInRefused("minutes" in result ? `${result.reason}:${result.minutes}` : result.reason);
        return { id: result.userId, name: result.displayName, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(await db(), sid, "sign-out");
    },
  },
});
