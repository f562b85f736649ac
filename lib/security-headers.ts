import { NextResponse } from "next/server";

// Security headers for every response. Pages get a nonce-based CSP: Next 16 reads the nonce from the
// Content-Security-Policy *request* header the proxy sets and puts it on its own inline scripts;
// 'strict-dynamic' then trusts the chunks those scripts load. The Dialpad sign-in is a top-level
// navigation in a popup (window.open → our authorize route → a redirect), not a form post or a frame,
// so no Dialpad origin appears here; COOP is left unset because the popup reports back via window.opener.

export interface SecurityHeaderOptions {
  appUrl: string;
  isDevelopment: boolean;
}

/** 128 random bits, base64: a fresh nonce for every request. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function buildPageContentSecurityPolicy(nonce: string, { isDevelopment }: Pick<SecurityHeaderOptions, "isDevelopment">): string {
  return [
    "default-src 'self'",
    // next dev's React Refresh evaluates code; production needs no eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (the day timeline's positions) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API responses are data, never documents to run: nothing may load from them, and nothing may frame them. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** The headers that do not depend on the response's content; the same for pages, APIs and assets. */
export function buildCommonSecurityHeaders({ appUrl }: Pick<SecurityHeaderOptions, "appUrl">): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
  // Only behind https: over plain http the header is ignored, and on localhost it would pin the host to https.
  if (new URL(appUrl).protocol === "https:") headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/**
 * Runs the proxy's gate with a nonce in the request's CSP header (so Next renders it), then puts the
 * CSP and the common headers on whatever the gate answered: pass-through, redirect or 401.
 */
export async function withSecurityHeaders(
  request: { headers: Headers; nextUrl: { pathname: string } },
  options: SecurityHeaderOptions,
  gate: (next: () => NextResponse) => Promise<Response>,
): Promise<Response> {
  const isApi = isApiPath(request.nextUrl.pathname);
  const policy = isApi ? apiContentSecurityPolicy : buildPageContentSecurityPolicy(createNonce(), options);
  const next = () => {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    return NextResponse.next({ request: { headers } });
  };
  const response = await gate(next);
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(buildCommonSecurityHeaders(options))) response.headers.set(name, value);
  return response;
}
