import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackPath } from "@/app/(auth)/login/safe-callback";
import { getDb } from "@/db/client";
import type { UserRole } from "@/db/schema";
import { getClientAddress } from "@/lib/client-address";
import { getDevSecret } from "@/lib/dev-secret";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { signInLockedCode } from "@/lib/sign-in-errors";
import { endUserSession, isUserSessionLive, sessionMaxAgeMs, startUserSession } from "@/lib/services/users/sessions";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";

declare module "next-auth" {
  interface User {
    userId: number;
    organizationId: number;
    role: UserRole;
    sessionVersion: number;
    sessionId: string;
  }
  interface Session {
    userId: number;
    organizationId: number;
    role: UserRole;
    sessionVersion: number;
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: number;
    organizationId: number;
    role: UserRole;
    sessionVersion: number;
    sessionId: string;
  }
}

export const sessionMaxAgeSeconds = sessionMaxAgeMs / 1000;

const sessionEndedMessage = "Session ended";

/** Read per request, never at import, so `next build` needs no secret. */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV !== "production") return getDevSecret();
  throw new Error("NEXTAUTH_SECRET must be set in production (at least 16 random characters).");
}

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/login", error: "/login" },
    logger: {
      // An ended session's cookie is expected traffic (see the jwt callback), not an error worth a log line.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === sessionEndedMessage) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const address = getClientAddress(request?.headers, getEnv().TRUSTED_PROXY_HOPS);
          const db = getDb();
          const user = await verifyCredentials(db, credentials?.email ?? "", credentials?.password ?? "", { address }).catch((error: unknown) => {
            if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(signInLockedCode);
            throw error;
          });
          if (!user) return null;
          const sessionId = await startUserSession(db, user);
          return {
            id: String(user.id),
            name: user.name,
            email: user.email,
            userId: user.id,
            organizationId: user.organizationId,
            role: user.role,
            sessionVersion: user.sessionVersion,
            sessionId,
          };
        },
      }),
    ],
    callbacks: {
      // next-auth's default throws on a callbackUrl that is no URL ("-1"): a 500 on every /api/auth route.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, "/team", baseUrl)}`;
      },
      // Only the claims lib/session.ts re-checks against the database on every request.
      // On every later read (getServerSession, /api/auth/session) an ended session throws: next-auth then
      // answers with no session and clears the cookie, so a cookie saved before sign-out reads nothing.
      async jwt({ token, user }) {
        if (!user && !(typeof token.sessionId === "string" && (await isUserSessionLive(getDb(), token.sessionId)))) {
          throw new Error(sessionEndedMessage);
        }
        if (user) {
          token.userId = user.userId;
          token.organizationId = user.organizationId;
          token.role = user.role;
          token.sessionVersion = user.sessionVersion;
          token.sessionId = user.sessionId;
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          userId: token.userId,
          organizationId: token.organizationId,
          role: token.role,
          sessionVersion: token.sessionVersion,
          sessionId: token.sessionId,
        };
      },
    },
    events: {
      // Ends the session on the server, so a copy of the cookie saved before reads nothing afterwards.
      async signOut({ token }) {
        if (typeof token?.sessionId === "string") await endUserSession(getDb(), token.sessionId);
      },
    },
  };
}
