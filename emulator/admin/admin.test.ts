import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { authorizeViaForms, call, exchangeCode, startTestEmulator, tokenFor } from "../testing/harness";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ extraCompanies: [{ domain: "other.test", users: 3 }] });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await call(emu, "/__admin/reset", { method: "POST", body: "{}" });
});

const post = (path: string, body: unknown) => call(emu, path, { method: "POST", body: JSON.stringify(body) });

describe("/__admin", () => {
  it("reports health and the companies", async () => {
    expect((await call(emu, "/__admin/health")).body).toEqual({ status: "ok" });
    const { items } = (await call(emu, "/__admin/companies")).body;
    expect(items.map((c: { domain: string; adminEmail: string; users: unknown[] }) => [c.domain, c.adminEmail, c.users.length])).toEqual([
      ["acme.test", "admin@acme.test", 12],
      ["other.test", "admin@other.test", 3],
    ]);
  });

  it("resets with overrides: new data, and old tokens stop working", async () => {
    const token = await tokenFor(emu, "admin@acme.test");
    const before = (await call(emu, "/__admin/calls?count_only=true")).body.count;
    const reset = await post("/__admin/reset", { seed: 9, users: 4, days: 2 });
    expect(reset.body.items[0].users).toHaveLength(4);
    expect((await call(emu, "/api/v2/users/me", { token })).status).toBe(401);
    const after = (await call(emu, "/__admin/calls?count_only=true")).body.count;
    expect(after).toBeLessThan(before);
    expect((await post("/__admin/reset", { users: -1 })).status).toBe(400);
    expect((await post("/__admin/reset", { colour: "red" })).status).toBe(400);
    await post("/__admin/reset", { seed: 42, users: 12, days: 10 });
  });

  it("adds an internal call as two linked legs and a department call as entry + operator legs", async () => {
    const [callee] = emu.state.data.companies[0]!.callingUsers.slice(1);
    const internal = await post("/__admin/calls", { user: "admin@acme.test", to_user: callee!.email });
    expect(internal.status).toBe(201);
    const [caller, receiver] = internal.body.items;
    expect([caller.direction, receiver.direction, caller.is_internal, receiver.is_internal]).toEqual(["outbound", "inbound", true, true]);
    expect([receiver.master_call_id, receiver.entry_point_call_id, receiver.target.id]).toEqual([caller.call_id, caller.call_id, callee!.id]);
    const dept = await post("/__admin/calls", { user: callee!.email, via: "department" });
    const [entry, agent] = dept.body.items;
    expect([entry.target.type, entry.operator_call_id, agent.entry_point_call_id, agent.entry_point_target.type]).toEqual(["department", agent.call_id, entry.call_id, "department"]);
  });

  it("rejects unknown users, users who cannot take calls and bad bodies", async () => {
    expect((await post("/__admin/calls", { user: "ghost@acme.test" })).status).toBe(404);
    const suspended = emu.state.data.companies[0]!.users.find((u) => u.state === "suspended")!;
    expect((await post("/__admin/calls", { user: suspended.email })).status).toBe(400);
    expect((await post("/__admin/calls", { user: "admin@acme.test", kind: "video" })).status).toBe(400);
    expect((await post("/__admin/calls", { user: "admin@acme.test", to_user: "admin@other.test" })).status).toBe(404);
  });

  it("lists every call of one company by domain", async () => {
    const other = (await call(emu, "/__admin/calls?domain=other.test")).body.items;
    const otherIds = new Set(emu.state.data.companies[1]!.users.map((u) => u.id));
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((c: { target: { id: string; type: string } }) => c.target.type !== "user" || otherIds.has(c.target.id))).toBe(true);
    expect((await call(emu, "/__admin/calls?domain=nowhere.test")).status).toBe(404);
  });

  it("counts requests per route, token grants and refreshes", async () => {
    const location = await authorizeViaForms(emu, { email: "admin@acme.test" });
    const tokens = await exchangeCode(emu, { grant_type: "authorization_code", code: location.searchParams.get("code")! });
    await exchangeCode(emu, { grant_type: "refresh_token", refresh_token: tokens.body.refresh_token });
    await call(emu, "/api/v2/users", { token: tokens.body.access_token });
    await call(emu, "/api/v2/users/me", { token: tokens.body.access_token });
    await call(emu, "/api/v2/nothing-here");
    const stats = (await call(emu, "/__admin/stats")).body;
    expect(stats.requests).toMatchObject({ "GET /api/v2/users": 1, "GET /api/v2/users/{id}": 1, "POST /oauth2/token": 2, "GET (unmatched)": 1 });
    expect([stats.tokenGrants, stats.refreshes, stats.rateLimited]).toEqual([1, 1, 0]);
  });

  it("answers unknown routes with 404 and wrong methods with 405 in Google style", async () => {
    expect((await call(emu, "/api/v2/nothing")).body.error.code).toBe(404);
    const wrong = await call(emu, "/api/v2/company", { method: "DELETE" });
    expect([wrong.status, wrong.headers.get("allow")]).toEqual([405, "GET"]);
  });
});
