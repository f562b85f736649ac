import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuthSecret } from "@/lib/auth";
import { resetEnvCache } from "@/lib/env";
import { listRoutePaths } from "@/tests/e2e/support/app-routes";
import { proxy } from "./proxy";

// The e2e server runs on plain http, so HSTS behind https is checked here: every page and API route from the
// filesystem (the list the e2e header and fuzz specs walk), through the real proxy, signed out and signed in.

const appUrl = "https://daymark.example";
const previousAppUrl = process.env.APP_URL;

beforeAll(() => {
  process.env.APP_URL = appUrl;
  resetEnvCache();
});

afterAll(() => {
  if (previousAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = previousAppUrl;
  resetEnvCache();
});

async function sessionCookie(): Promise<string> {
  const token = await encode({ token: { userId: 1, organizationId: 1, role: "admin", sessionVersion: 1, sessionId: "s1" }, secret: getAuthSecret() });
  return `__Secure-next-auth.session-token=${token}; next-auth.session-token=${token}`;
}

describe("the proxy's security headers behind https", () => {
  it.each([false, true])("are on every page and API route (signed in: %s), HSTS included", async (isSignedIn) => {
    const cookie = isSignedIn ? await sessionCookie() : undefined;
    const paths = [...listRoutePaths(), "/no-such-page", "/employees/%C0%AE"];
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const response = await proxy(new NextRequest(`${appUrl}${path}`, { headers: cookie ? { cookie } : {} }));
      const headers = Object.fromEntries(["strict-transport-security", "x-frame-options", "x-content-type-options", "referrer-policy"].map((name) => [name, response.headers.get(name)]));
      expect(headers, path).toEqual({
        "strict-transport-security": "max-age=31536000; includeSubDomains",
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
      });
      expect(response.headers.get("content-security-policy"), path).toMatch(/frame-ancestors 'none'$/);
    }
  });
});
