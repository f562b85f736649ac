import fs from "node:fs";
import path from "node:path";
import type { APIResponse } from "@playwright/test";
import { adminStorageState } from "./support/accounts";
import { expect, test } from "./support/test";

// Every page and API route, signed out and signed in, carries the security headers (issue 14, item 5).
// The routes come from the filesystem, so a new page or route is covered without editing this file.

const appDir = path.resolve(__dirname, "../../app");
const sampleSegments: Record<string, string> = { "[id]": "1", "[callId]": "1", "[token]": "sample-token", "[...nextauth]": "session" };

function listRoutePaths(): string[] {
  const paths = new Set<string>();
  for (const file of fs.readdirSync(appDir, { recursive: true, encoding: "utf8" })) {
    if (!/(^|\/)(page\.tsx|route\.ts)$/.test(file)) continue;
    const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== ".");
    // A parallel slot's intercepting route answers the same URL as the page it intercepts.
    if (segments.some((segment) => segment.startsWith("@"))) continue;
    const urlSegments = segments
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => {
        if (!segment.startsWith("[")) return segment;
        const sample = sampleSegments[segment];
        if (!sample) throw new Error(`No sample value for the route segment ${segment} in app/${file}; add one.`);
        return sample;
      });
    paths.add(`/${urlSegments.join("/")}`);
  }
  return [...paths].sort();
}

const routePaths = listRoutePaths();
const pagePolicy =
  /^default-src 'self'; script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'$/;

function expectSecurityHeaders(response: APIResponse, routePath: string): void {
  const headers = response.headers();
  const where = `${routePath} (${response.status()})`;
  if (routePath.startsWith("/api/")) {
    expect(headers["content-security-policy"], where).toBe("default-src 'none'; frame-ancestors 'none'");
  } else {
    expect(headers["content-security-policy"], where).toMatch(pagePolicy);
  }
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toBe("camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  // The e2e APP_URL is plain http: HSTS there would be ignored, and on localhost it would pin https.
  expect(headers["strict-transport-security"], where).toBeUndefined();
}

test("the route list covers the app's pages and API routes", () => {
  expect(routePaths).toEqual(
    expect.arrayContaining(["/", "/login", "/settings/users", "/employees/1/calls/1", "/api/health", "/api/auth/session", "/api/webhooks/dialpad"]),
  );
});

for (const signedIn of [false, true]) {
  test.describe(signedIn ? "signed in as an admin" : "signed out", () => {
    test.use({ storageState: signedIn ? adminStorageState : { cookies: [], origins: [] } });

    test("every page and API route sends the security headers, redirects and errors included", async ({ request }) => {
      for (const routePath of routePaths) {
        expectSecurityHeaders(await request.get(routePath, { maxRedirects: 0 }), routePath);
      }
      // An unknown page, and a static asset that the proxy never sees, get them too (the asset without a CSP).
      expectSecurityHeaders(await request.get("/no-such-page", { maxRedirects: 0 }), "/no-such-page");
      const asset = await request.get("/favicon.ico", { maxRedirects: 0 });
      expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
      expect(asset.headers()["x-frame-options"]).toBe("DENY");
    });
  });
}

test("each page response has a fresh nonce, and Next puts it on its scripts", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const nonce = pagePolicy.exec(first.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(pagePolicy.exec(second.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test.describe("framing", () => {
  test.use({ storageState: adminStorageState });

  test("the admin Users page does not render inside a frame", async ({ page, cspViolations }) => {
    await page.goto("/login");
    // A same-origin frame, the case the issue reproduced: the browser refuses to render it.
    const refused = page.waitForEvent("console", (message) => /frame-ancestors 'none'/.test(message.text()));
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      frame.src = "/settings/users";
      document.body.append(frame);
    });
    await refused;
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    expect(await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "")).not.toContain("Deactivate");
    // The refusal is the expected violation here; any other still fails the test.
    expect(cspViolations.every((violation) => violation.includes("frame-ancestors 'none'"))).toBe(true);
    cspViolations.length = 0;
  });
});
