import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { call, exchangeCode, startTestEmulator } from "../testing/harness";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ mode: "strict" });
});
afterAll(() => emu.close());

async function tokensFor(mode: "strict" | "default") {
  await call(emu, "/__admin/reset", { method: "POST", body: JSON.stringify({ mode }) });
  return (await call(emu, "/__admin/tokens", { method: "POST", body: JSON.stringify({ user: "admin@acme.test" }) })).body as {
    access_token: string;
    refresh_token: string;
  };
}

const refresh = (refreshToken: string) => exchangeCode(emu, { grant_type: "refresh_token", refresh_token: refreshToken });

describe("refresh token reuse in strict mode (RFC 9700 §4.14.2)", () => {
  it("revokes the whole token family when a rotated refresh token is presented again", async () => {
    const first = await tokensFor("strict");
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);

    const replay = await refresh(first.refresh_token);
    expect([replay.status, replay.body.error]).toEqual([400, "invalid_grant"]);
    // The newest refresh token and the access token issued with it die with the family.
    const newest = await refresh(second.body.refresh_token);
    expect([newest.status, newest.body.error]).toEqual([400, "invalid_grant"]);
    expect((await call(emu, "/api/v2/users/me", { token: second.body.access_token })).status).toBe(401);
    const stats = (await call(emu, "/__admin/stats")).body;
    expect([stats.refreshes, stats.refreshReuseRevocations]).toEqual([1, 1]);
  });

  it("does not revoke anything for an unknown refresh token", async () => {
    const first = await tokensFor("strict");
    expect((await refresh("never-issued")).body.error).toBe("invalid_grant");
    expect((await refresh(first.refresh_token)).status).toBe(200);
  });

  it("in the default mode, a replayed refresh token only fails itself", async () => {
    const first = await tokensFor("default");
    const second = await refresh(first.refresh_token);
    expect((await refresh(first.refresh_token)).body.error).toBe("invalid_grant");
    expect((await refresh(second.body.refresh_token)).status).toBe(200);
    expect((await call(emu, "/__admin/stats")).body.refreshReuseRevocations).toBe(0);
  });
});
