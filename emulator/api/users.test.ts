import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { call, startTestEmulator, tokenFor } from "../testing/harness";

let emu: RunningEmulator;
let admin: string;
let member: string;
beforeAll(async () => {
  emu = await startTestEmulator({ extraCompanies: [{ domain: "other.test", users: 3 }] });
  admin = await tokenFor(emu, "admin@acme.test");
  const { users } = emu.state.data.companies[0]!;
  member = await tokenFor(emu, users[1]!.email);
});
afterAll(() => emu.close());

describe("GET /api/v2/company", () => {
  it("returns the caller's company with int64 fields as strings", async () => {
    const company = emu.state.data.companies[0]!;
    const res = await call(emu, "/api/v2/company", { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: company.id, name: "Acme Inc", domain: "acme.test", country: "us", account_type: "standard",
      admin_email: "admin@acme.test", office_count: "1", state: "active",
    });
  });

  it("refuses a non-admin user with a Google-style 403", async () => {
    const res = await call(emu, "/api/v2/company", { token: member });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: {
        code: 403,
        errors: [{ domain: "global", message: "This request requires a company admin API key or token.", reason: "forbidden" }],
        message: "This request requires a company admin API key or token.",
      },
    });
  });

  it("accepts ?apikey= and rejects a missing or unknown token with 401", async () => {
    expect((await call(emu, `/api/v2/company?apikey=${admin}`)).status).toBe(200);
    const missing = await call(emu, "/api/v2/company");
    expect(missing.status).toBe(401);
    expect(missing.body.error.errors[0].reason).toBe("authError");
    expect((await call(emu, "/api/v2/company", { token: "nope" })).status).toBe(401);
  });
});

describe("GET /api/v2/users", () => {
  it("lists active users by default, all with state=all, with string ids", async () => {
    const active = await call(emu, "/api/v2/users", { token: admin });
    expect(active.status).toBe(200);
    expect(active.body.items).toHaveLength(10);
    expect(active.body.cursor).toBeUndefined();
    expect(active.body.items.every((u: { state: string; id: unknown }) => u.state === "active" && typeof u.id === "string")).toBe(true);
    const all = await call(emu, "/api/v2/users?state=all", { token: admin });
    expect(all.body.items.map((u: { state: string }) => u.state).sort()).toEqual([...Array(10).fill("active"), "cancelled", "suspended"]);
    const suspended = await call(emu, "/api/v2/users?state=suspended", { token: admin });
    expect(suspended.body.items).toHaveLength(1);
  });

  it("pages with an opaque cursor until the cursor is absent", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await call(emu, `/api/v2/users?state=all&limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token: admin });
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
      cursor = res.body.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(emu.state.data.companies[0]!.users.map((u) => u.id));
  });

  it("filters by email and number", async () => {
    const target = emu.state.data.companies[0]!.users[2]!;
    const byEmail = await call(emu, `/api/v2/users?email=${encodeURIComponent(target.email)}`, { token: admin });
    expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([target.id]);
    const byNumber = await call(emu, `/api/v2/users?number=${encodeURIComponent(target.phone!)}`, { token: admin });
    expect(byNumber.body.items[0].phone_numbers).toEqual([target.phone]);
  });

  it("rejects bad parameters with 400", async () => {
    expect((await call(emu, "/api/v2/users?state=zombie", { token: admin })).status).toBe(400);
    expect((await call(emu, "/api/v2/users?limit=0", { token: admin })).status).toBe(400);
    expect((await call(emu, "/api/v2/users?cursor=forged", { token: admin })).status).toBe(400);
  });

  it("omits phone_numbers for a user without a phone licence", async () => {
    const noPhone = emu.state.data.companies[0]!.users.find((u) => u.phone === null)!;
    const res = await call(emu, `/api/v2/users/${noPhone.id}`, { token: admin });
    expect(res.body.license).toBe("lite_support_agents");
    expect("phone_numbers" in res.body).toBe(false);
  });
});

describe("GET /api/v2/users/{id} and /users/me", () => {
  it("returns me for the token's user", async () => {
    const res = await call(emu, "/api/v2/users/me", { token: member });
    const user = emu.state.data.companies[0]!.users[1]!;
    expect([res.body.id, res.body.company_id, res.body.emails, res.body.timezone]).toEqual([user.id, user.companyId, [user.email], user.timeZone]);
    expect(res.body.date_added).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it("is 404 for a user of another company", async () => {
    const stranger = emu.state.data.companies[1]!.users[0]!;
    const res = await call(emu, `/api/v2/users/${stranger.id}`, { token: admin });
    expect(res.status).toBe(404);
    expect(res.body.error.errors[0].reason).toBe("notFound");
  });
});
