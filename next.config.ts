import type { NextConfig } from "next";
import { buildCommonSecurityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: a signed-in user on a page their role can't open gets a 403 that says so.
  experimental: { authInterrupts: true },
  // pg-boss loads its SQL plans and pg at run time; bundling it gains nothing.
  serverExternalPackages: ["pg-boss"],
  // The migrate step reads these at run time; the tracer cannot see them.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  // Static files skip proxy.ts (its matcher), so they get the common headers here; HSTS and the CSP
  // depend on run-time settings and a per-request nonce, so proxy.ts adds those.
  async headers() {
    const headers = Object.entries(buildCommonSecurityHeaders({ appUrl: "http://localhost" })).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
