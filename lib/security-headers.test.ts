import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { buildCommonSecurityHeaders, buildPageContentSecurityPolicy, createNonce, withSecurityHeaders } from "./security-headers";

const production = { appUrl: "https://daymark.example", isDevelopment: false };

describe("security headers", () => {
  it("builds a nonce-based page policy with strict-dynamic and no eval in production", () => {
    expect(buildPageContentSecurityPolicy("abc123==", production)).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123==' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
    expect(buildPageContentSecurityPolicy("n", { isDevelopment: true })).toContain("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval';");
  });

  it("makes a different 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("adds HSTS only when APP_URL is https", () => {
    expect(buildCommonSecurityHeaders({ appUrl: "https://daymark.example" })).toEqual({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
      "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    });
    expect(buildCommonSecurityHeaders({ appUrl: "http://localhost:3000" })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("passes the page policy to Next on the request and sends the same policy on the response", async () => {
    const request = new NextRequest("https://daymark.example/team");
    const response = await withSecurityHeaders(request, production, async (next) => next());
    const policy = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(nonce).toHaveLength(24);
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("puts the headers on redirects and API answers the gate makes itself", async () => {
    const redirect = await withSecurityHeaders(new NextRequest("http://localhost:3000/team"), { ...production, appUrl: "http://localhost:3000" }, async () =>
      NextResponse.redirect("http://localhost:3000/login"),
    );
    expect(redirect.headers.get("x-content-type-options")).toBe("nosniff");
    expect(redirect.headers.get("strict-transport-security")).toBeNull();
    const api = await withSecurityHeaders(new NextRequest("http://localhost:3000/api/health"), production, async () =>
      NextResponse.json({ error: "x" }, { status: 401 }),
    );
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
