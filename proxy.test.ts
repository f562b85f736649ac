import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getAuthSecret } from "@/lib/auth";
import { proxy } from "./proxy";

function request(path: string, cookie?: string): NextRequest {
  return new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });
}

describe("proxy", () => {
  it("lets public paths through without a session", async () => {
    for (const path of ["/login", "/setup", "/signup", "/api/auth/csrf", "/api/health", "/api/webhooks/dialpad", "/api/cron/sync"]) {
      expect((await proxy(request(path))).headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("sends signed-out pages to sign-in, remembering where they were going", async () => {
    const response = await proxy(request("/employees/7?tab=calls"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/login?callbackUrl=%2Femployees%2F7%3Ftab%3Dcalls",
    );
    expect((await proxy(request("/loginx"))).status).toBe(307);
  });

  it("answers signed-out API calls with 401 JSON", async () => {
    const response = await proxy(request("/api/integrations/dialpad/authorize"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in first." } });
  });

  it("lets a request with a valid session token through; the page re-checks it against the database", async () => {
    const token = await encode({
      token: { userId: 1, organizationId: 1, role: "admin", sessionVersion: 1, sessionId: "s1" },
      secret: getAuthSecret(),
    });
    const response = await proxy(request("/team", `next-auth.session-token=${token}`));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const forged = await proxy(request("/team", "next-auth.session-token=forged"));
    expect(forged.status).toBe(307);
  });
  it("answers a path with malformed percent-encoding with a 404, where Next would fail with a 500", async () => {
    for (const path of ["/employees/%C0%AE%C0%AE", "/login/%E0%A4%A", "/api/health/%"]) {
      const response = await proxy(request(path));
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe("Page not found.");
    }
  });

  it("refuses a server-action body over 1 MB with a 413, where Next would fail with a 500", async () => {
    const action = new NextRequest("http://localhost:3000/setup", {
      method: "POST",
      headers: { "Next-Action": `7f${"0".repeat(40)}`, "Content-Length": "1500000" },
    });
    expect((await proxy(action)).status).toBe(413);
  });
});
