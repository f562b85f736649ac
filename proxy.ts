import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getAuthSecret } from "@/lib/auth";
import { rejectMalformedRequest } from "@/lib/malformed-request";

// Reachable without a session: sign-in, first-run set-up, password reset links, next-auth itself, health, and the
// machine-to-machine endpoints that authenticate on their own (webhook signatures, cron secret).
const publicPaths = ["/login", "/setup", "/reset-password", "/api/auth", "/api/health", "/api/webhooks", "/api/cron"];

/**
 * A coarse gate only: no token → sign-in page (or 401 for APIs). Every page, action and route
 * handler still re-checks the viewer against the database (lib/session.ts).
 */
export async function proxy(request: NextRequest) {
  const malformed = await rejectMalformedRequest(request);
  if (malformed) return malformed;
  const { pathname, search } = request.nextUrl;
  if (publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`))) return NextResponse.next();
  const token = await getToken({ req: request, secret: getAuthSecret() });
  if (token) return NextResponse.next();
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
