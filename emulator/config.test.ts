import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("loadConfig", () => {
  it("uses the documented defaults", () => {
    const before = Date.now();
    const { anchor, ...rest } = loadConfig({});
    const after = Date.now();
    // The anchor defaults to the moment the config is read.
    expect(anchor).toBeGreaterThanOrEqual(before);
    expect(anchor).toBeLessThanOrEqual(after);
    expect(rest).toEqual({
      mode: "default", cursorTtlSeconds: 300, backgroundRps: 4, postCallDelaySeconds: 180, host: "127.0.0.1", port: 4010, seed: 42, domain: "acme.test", companyName: "Acme Inc", users: 12, days: 30,
      callsPerUserDay: 8, extraCompanies: [], password: "dialpad", clientId: "daymark-dev", clientSecret: "daymark-dev-secret",
      clientName: "Daymark", redirectUris: ["http://localhost:3000/api/integrations/dialpad/callback"], rateLimit: 20,
      tokenTtlSeconds: 3600, webhookRetryDelaysMs: [2000, 4000, 8000],
    });
  });

  it("parses every variable", () => {
    const config = loadConfig({
      EMULATOR_PORT: "4011", EMULATOR_SEED: "7", EMULATOR_ANCHOR: "2025-01-02T03:04:05Z", EMULATOR_EXTRA_COMPANIES: "other.test:3, foo.test:2",
      EMULATOR_REDIRECT_URIS: "http://a.test/cb, http://b.test/cb", EMULATOR_RATE_LIMIT: "0", EMULATOR_WEBHOOK_RETRY_DELAYS_MS: "10,20",
      EMULATOR_CALLS_PER_USER_DAY: "2.5", EMULATOR_PORT_UNRELATED: "x", EMULATOR_USERS: "",
    });
    expect(config).toMatchObject({
      port: 4011, seed: 7, anchor: Date.parse("2025-01-02T03:04:05Z"), users: 12, callsPerUserDay: 2.5, rateLimit: 0,
      extraCompanies: [{ domain: "other.test", users: 3 }, { domain: "foo.test", users: 2 }],
      redirectUris: ["http://a.test/cb", "http://b.test/cb"], webhookRetryDelaysMs: [10, 20],
    });
  });

  it("reads strict mode and its settings", () => {
    const config = loadConfig({ EMULATOR_MODE: "strict", EMULATOR_CURSOR_TTL_SECONDS: "60", EMULATOR_BACKGROUND_RPS: "7.5", EMULATOR_POSTCALL_DELAY_SECONDS: "30" });
    expect(config).toMatchObject({ mode: "strict", cursorTtlSeconds: 60, backgroundRps: 7.5, postCallDelaySeconds: 30 });
    expect(() => loadConfig({ EMULATOR_MODE: "lenient" })).toThrow(/EMULATOR_MODE/);
  });

  it("explains invalid values", () => {
    expect(() => loadConfig({ EMULATOR_PORT: "http" })).toThrow(/EMULATOR_PORT/);
    expect(() => loadConfig({ EMULATOR_EXTRA_COMPANIES: "nodot:3" })).toThrow(/invalid extra company "nodot:3"/);
    expect(() => loadConfig({ EMULATOR_ANCHOR: "someday" })).toThrow(/EMULATOR_ANCHOR/);
  });
});
