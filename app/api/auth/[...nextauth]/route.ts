import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { dropInvalidCallbackUrls } from "@/lib/auth-callback-url";
import { isCredentialsCallbackWithoutPost } from "@/lib/auth-credentials-callback";
import { isReadableAuthBody } from "@/lib/auth-json-body";
import { getAuthOptions } from "@/lib/auth";
import { getEnv } from "@/lib/env";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// GET|POST /api/auth/*: next-auth's sign-in, sign-out, CSRF and session endpoints.
// The options are built per request so the secret is read at run time, not during `next build`.
async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  if (isCredentialsCallbackWithoutPost(request.method, (await context.params).nextauth)) {
    return NextResponse.json({ error: { code: "METHOD_NOT_ALLOWED", message: "Sign in with a POST." } }, { status: 405, headers: { Allow: "POST" } });
  }
  if (!(await isReadableAuthBody(request))) {
    return NextResponse.json({ error: { code: "VALIDATION", message: "The request body is not a JSON object." } }, { status: 400 });
  }
  // next-auth reads request.nextUrl.searchParams and cookies() itself, so the invalid values go from those.
  dropInvalidCallbackUrls(request.nextUrl.searchParams, await cookies(), getEnv().APP_URL);
  return NextAuth(request, context, getAuthOptions());
}

export { handler as GET, handler as POST };
