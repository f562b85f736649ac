import { expect, test } from "@playwright/test";
import { adminStorageState } from "./support/accounts";

test.use({ storageState: adminStorageState });

// Signed in, /login redirects at once to its callbackUrl: only ever to a path on this site.
for (const [callbackUrl, location] of [
  ["/\t/evil.example", "/team"],
  ["/\n/evil.example", "/team"],
  ["//evil.example", "/team"],
  ["/\\evil.example", "/team"],
  ["https://evil.example", "/team"],
  ["javascript:alert(1)", "/team"],
  ["/employees?q=ann", "/employees?q=ann"],
] as const) {
  test(`a signed-in visit to /login with callbackUrl ${JSON.stringify(callbackUrl)} goes to ${location}`, async ({ request }) => {
    const response = await request.get(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(location);
  });
}
