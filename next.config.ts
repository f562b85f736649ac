import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The migrate step reads these at run time; the tracer cannot see them.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
};

export default nextConfig;
