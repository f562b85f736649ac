import { describe, expect, it } from "vitest";
import { getAuthOptions } from "./auth";

const baseUrl = "http://localhost:3000";

describe("next-auth's redirect callback", () => {
  const redirect = (url: string) => getAuthOptions().callbacks!.redirect!({ url, baseUrl });

  // next-auth's default threw on these (new URL("-1")), a 500 on every /api/auth route given ?callbackUrl=-1.
  it.each(["-1", "%", "0x8", "javascript:alert(1)", "https://evil.example/team", "/\t/evil.example", "//evil.example"])(
    "sends %j to the team page",
    async (url) => {
      expect(await redirect(url)).toBe(`${baseUrl}/team`);
    },
  );

  it("keeps a path on this site", async () => {
    expect(await redirect("/employees/8?date=2026-03-01")).toBe(`${baseUrl}/employees/8?date=2026-03-01`);
    expect(await redirect(`${baseUrl}/settings`)).toBe(`${baseUrl}/settings`);
  });
});
