import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// GET|POST /api/auth/*: next-auth's sign-in, sign-out, CSRF and session endpoints.
// The options are built per request so the secret is read at run time, not during `next build`.
function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(request, context, getAuthOptions());
}

export { handler as GET, handler as POST };
