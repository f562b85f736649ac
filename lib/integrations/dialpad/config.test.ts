import { describe, expect, it } from "vitest";
import { getDialpadConfig } from "./config";
import { DialpadConfigError } from "./errors";

const env = {
  DIALPAD_BASE_URL: "https://sandbox.dialpad.com/",
  DIALPAD_CLIENT_ID: "id",
  DIALPAD_CLIENT_SECRET: "secret",
  APP_URL: "https://daymark.example.com/",
};

describe("getDialpadConfig", () => {
  it("derives every endpoint from the base URL and the exact redirect URI from APP_URL", () => {
    expect(getDialpadConfig(env)).toEqual({
      baseUrl: "https://sandbox.dialpad.com",
      apiBaseUrl: "https://sandbox.dialpad.com/api/v2",
      authorizationEndpoint: "https://sandbox.dialpad.com/oauth2/authorize",
      tokenEndpoint: "https://sandbox.dialpad.com/oauth2/token",
      deauthorizeEndpoint: "https://sandbox.dialpad.com/oauth2/deauthorize",
      clientId: "id",
      clientSecret: "secret",
      redirectUri: "https://daymark.example.com/api/integrations/dialpad/callback",
      scope: "calls:list offline_access",
      isLoopback: false,
    });
  });

  it("allows plain http only on loopback", () => {
    expect(getDialpadConfig({ ...env, DIALPAD_BASE_URL: "http://127.0.0.1:4011" }).isLoopback).toBe(true);
    expect(getDialpadConfig({ ...env, DIALPAD_BASE_URL: "http://localhost:4011" }).tokenEndpoint).toBe("http://localhost:4011/oauth2/token");
    expect(() => getDialpadConfig({ ...env, DIALPAD_BASE_URL: "http://dialpad.example.com" })).toThrow(DialpadConfigError);
  });
});
