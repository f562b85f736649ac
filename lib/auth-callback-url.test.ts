import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dropInvalidCallbackUrls } from "./auth-callback-url";
import { getAuthOptions } from "./auth";

const baseUrl = "http://localhost:3000";

// next-auth's core handler, which the route handler reaches through NextAuth(); its package exports hide it.
type AuthHandler = (params: { req: object; options: object }) => Promise<{ status?: number }>;
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as { AuthHandler: AuthHandler };

function cookieStore(values: Record<string, string>) {
  const store = new Map(Object.entries(values));
  return { store, get: (name: string) => (store.has(name) ? { value: store.get(name)! } : undefined), delete: (name: string) => store.delete(name) };
}

async function sessionStatus(query: URLSearchParams, cookies: Map<string, string>): Promise<number> {
  const req = { query: Object.fromEntries(query), cookies: Object.fromEntries(cookies), headers: { host: "localhost:3000" }, method: "GET", action: "session" };
  // next-auth leaves the status out of a 200.
  return (await AuthHandler({ req, options: getAuthOptions() })).status ?? 200;
}

const invalid = ["-1", "0x8", "%", "javascript:alert(1)", "mailto:a@b.c", " /team"];

describe("dropInvalidCallbackUrls", () => {
  it.each(invalid)("drops the callbackUrl %j from the query and the cookie, where next-auth answered 500", async (value) => {
    const query = new URLSearchParams({ callbackUrl: value, other: "kept" });
    const cookies = cookieStore({ "next-auth.callback-url": value, "__Secure-next-auth.callback-url": value, other: "kept" });
    expect(await sessionStatus(query, cookies.store)).toBe(500);

    dropInvalidCallbackUrls(query, cookies, baseUrl);

    expect(query.toString()).toBe("other=kept");
    expect([...cookies.store]).toEqual([["other", "kept"]]);
    expect(await sessionStatus(query, cookies.store)).toBe(200);
  });

  it("drops every callbackUrl in the query when one of them is invalid", () => {
    const query = new URLSearchParams([["callbackUrl", "/team"], ["callbackUrl", "-1"]]);
    dropInvalidCallbackUrls(query, cookieStore({}), baseUrl);
    expect(query.toString()).toBe("");
  });

  it.each(["/employees/8?date=2026-03-01", "/\t/evil.example", "https://evil.example/team", `${baseUrl}/settings`])(
    "leaves %j to the redirect callback",
    (value) => {
      const query = new URLSearchParams({ callbackUrl: value });
      const cookies = cookieStore({ "next-auth.callback-url": value });
      dropInvalidCallbackUrls(query, cookies, baseUrl);
      expect(query.getAll("callbackUrl")).toEqual([value]);
      expect(cookies.store.get("next-auth.callback-url")).toBe(value);
    },
  );
});
