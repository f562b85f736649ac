import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getAuthSecret } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { rejectMalformedRequest } from "@/lib/malformed-request";
import { withSecurityHeaders } from "@/lib/security-headers";

// Reachable without a session: sign-in, first-run set-up, sign-up (a 404 unless DAYMARK_SIGNUP=open), password
// reset links, next-auth itself, health, and the machine-to-machine endpoints that authenticate on their own
// (webhook signatures, cron secret).
const publicPaths = ["/login", "/setup", "/signup", "/reset-password", "/api/auth", "/api/health", "/api/webhooks", "/api/cron"];

/**
 * A coarse gate only: no token → sign-in page (or 401 for APIs). Every page, action and route
 * handler still re-checks the viewer against the database (lib/session.ts).
 */
export async function proxy(request: NextRequest) {
  const { APP_URL, NODE_ENV } = getEnv();
  return withSecurityHeaders(request, { appUrl: APP_URL, isDevelopment: NODE_ENV === "development" }, (next) => gate(request, next));
}

/** `next` passes the request on (carrying the CSP nonce for Next to render with). */
async function gate(request: NextRequest, next: () => NextResponse): Promise<Response> {
  const malformed = await rejectMalformedRequest(request);
  if (malformed) return malformed;
  const { pathname, search } = request.nextUrl;
  if (publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return next();
  const token = await getToken({ req: request, secret: getAuthSecret() });
  if (token) return next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "UNAUTHORIZED", message: "Sign in first." } }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Static assets and image optimization never need a session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|txt|css|js)$).*)"],
};
