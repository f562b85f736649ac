import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCredentialsCallbackWithoutPost } from "./auth-credentials-callback";
import { getAuthOptions } from "./auth";

// next-auth's core handler, which the route handler reaches through NextAuth(); its package exports hide it.
type AuthHandler = (params: { req: object; options: object }) => Promise<{ status?: number; body?: unknown }>;
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as { AuthHandler: AuthHandler };

describe("isCredentialsCallbackWithoutPost", () => {
  it("catches a GET of the credentials callback, which next-auth answers with a 500", async () => {
    const req = { query: {}, cookies: {}, headers: { host: "localhost:3000" }, method: "GET", action: "callback", providerId: "credentials" };
    expect(await AuthHandler({ req, options: getAuthOptions() })).toMatchObject({ status: 500, body: "Error: Callback for provider type credentials not supported" });
    expect(isCredentialsCallbackWithoutPost("GET", ["callback", "credentials"])).toBe(true);
    expect(isCredentialsCallbackWithoutPost("HEAD", ["callback", "credentials", "x"])).toBe(true);
  });

  it("leaves the sign-in post and every other route to next-auth", () => {
    expect(isCredentialsCallbackWithoutPost("POST", ["callback", "credentials"])).toBe(false);
    expect(isCredentialsCallbackWithoutPost("GET", ["session"])).toBe(false);
    expect(isCredentialsCallbackWithoutPost("GET", ["callback", "other"])).toBe(false);
  });
});
