import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { TEST_ANCHOR, call, startTestEmulator, tokenFor } from "../testing/harness";

const DAY = 86_400_000;
type CallJson = { call_id: string; date_started: string; target: { id: string; type: string }; state: string; date_ended: string | null };

let emu: RunningEmulator;
let token: string;
beforeAll(async () => {
  emu = await startTestEmulator({ extraCompanies: [{ domain: "other.test", users: 3 }] });
  token = await tokenFor(emu, "admin@acme.test", ["calls:list"]);
});
afterAll(() => emu.close());

async function listAll(query: string, limit = 100): Promise<{ items: CallJson[]; pages: number }> {
  const items: CallJson[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await call(emu, `/api/v2/call?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token });
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.cursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

const isNewestFirst = (items: CallJson[]) =>
  items.every((c, i) => i === 0 || BigInt(items[i - 1]!.date_started) > BigInt(c.date_started) ||
    (items[i - 1]!.date_started === c.date_started && items[i - 1]!.call_id > c.call_id));

describe("GET /api/v2/call access", () => {
  it("requires the calls:list scope and a company admin", async () => {
    const noScope = await call(emu, "/api/v2/call", { token: await tokenFor(emu, "admin@acme.test") });
    expect(noScope.status).toBe(403);
    expect(noScope.body.error.message).toBe('This request requires the "calls:list" OAuth scope.');
    const member = emu.state.data.companies[0]!.users[1]!.email;
    expect((await call(emu, "/api/v2/call", { token: await tokenFor(emu, member, ["calls:list"]) })).status).toBe(403);
  });

  it("rejects malformed parameters with 400", async () => {
    for (const q of ["started_after=yesterday", "started_before=1.5", "limit=-3", "target_type=user", "target_id=1&target_type=galaxy", "cursor=abc.def"]) {
      const res = await call(emu, `/api/v2/call?${q}`, { token });
      expect(res.status, q).toBe(400);
    }
  });
});

describe("GET /api/v2/call listing", () => {
  const after = TEST_ANCHOR - 4 * DAY;
  const before = TEST_ANCHOR - 1 * DAY;

  it("defaults to 25 items, caps limit at 100, and serialises int64 as strings", async () => {
    expect((await call(emu, "/api/v2/call", { token })).body.items).toHaveLength(25);
    const big = await call(emu, "/api/v2/call?limit=500", { token });
    expect(big.body.items).toHaveLength(100);
    for (const c of big.body.items) {
      expect(c.call_id).toMatch(/^\d{16}$/);
      expect(typeof c.date_started).toBe("string");
      expect(typeof c.date_ended).toBe("string");
    }
  });

  it("carries every CallProto field the reference lists", async () => {
    const [item] = (await call(emu, "/api/v2/call?limit=1", { token })).body.items;
    expect(Object.keys(item).sort()).toEqual([
      "admin_call_recording_share_links", "call_id", "call_recording_share_links", "contact", "csat_recording_urls", "csat_score",
      "csat_transcriptions", "custom_data", "date_connected", "date_ended", "date_rang", "date_started", "direction", "duration",
      "entry_point_call_id", "entry_point_target", "event_timestamp", "external_number", "group_id", "internal_number", "is_internal",
      "is_transferred", "labels", "master_call_id", "mos_score", "operator_call_id", "proxy_target", "recording_details",
      "routing_breadcrumbs", "screen_recording_urls", "state", "target", "total_duration", "transcription_text", "voicemail_share_link",
      "was_recorded",
    ]);
    expect(Object.keys(item.target).sort()).toEqual(["email", "id", "name", "phone", "type"]);
  });

  it("pages through a window completely: union of pages == every call, no duplicates, newest first", async () => {
    const { items, pages } = await listAll(`started_after=${after}&started_before=${before}`, 37);
    const expected = await call(emu, `/__admin/calls?started_after=${after}&started_before=${before}`);
    expect(pages).toBeGreaterThan(3);
    expect(items.map((c) => c.call_id)).toEqual(expected.body.items.map((c: CallJson) => c.call_id));
    expect(new Set(items.map((c) => c.call_id)).size).toBe(items.length);
    expect(isNewestFirst(items)).toBe(true);
    expect(items).toEqual(expected.body.items);
  });

  it("treats started_after/started_before as strict bounds", async () => {
    const { items } = await listAll(`started_after=${after}&started_before=${before}`);
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const inner = await listAll(`started_after=${last.date_started}&started_before=${first.date_started}`);
    const ids = inner.items.map((c) => c.call_id);
    expect(ids).not.toContain(first.call_id);
    expect(ids).not.toContain(last.call_id);
    expect(ids.length).toBe(items.filter((c) => c.date_started !== first.date_started && c.date_started !== last.date_started).length);
  });

  it("filters by target", async () => {
    const user = emu.state.data.companies[0]!.callingUsers[1]!;
    const { items } = await listAll(`target_type=user&target_id=${user.id}&started_after=${after}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.target.id === user.id && c.target.type === "user")).toBe(true);
  });

  it("keeps an ongoing listing stable while new calls arrive", async () => {
    const query = `started_after=${after}&started_before=${before}`;
    const snapshotItems: CallJson[] = (await call(emu, `/__admin/calls?${query}`)).body.items;
    const snapshot = snapshotItems.map((c) => c.call_id);
    const first = await call(emu, `/api/v2/call?${query}&limit=10`, { token });
    const mid = Number(snapshotItems[Math.floor(snapshotItems.length / 2)]!.date_started);
    const added = await call(emu, "/__admin/calls", {
      method: "POST",
      body: JSON.stringify({ calls: [{ user: "admin@acme.test", started_at: mid + 1 }, { user: "admin@acme.test", started_at: TEST_ANCHOR - 2 * DAY }] }),
    });
    expect(added.status).toBe(201);
    const ids = first.body.items.map((c: CallJson) => c.call_id);
    let cursor: string | undefined = first.body.cursor;
    while (cursor) {
      const page = await call(emu, `/api/v2/call?limit=10&cursor=${encodeURIComponent(cursor)}`, { token });
      ids.push(...page.body.items.map((c: CallJson) => c.call_id));
      cursor = page.body.cursor;
    }
    expect(ids).toEqual(snapshot);
    const fresh = await listAll(query);
    expect(fresh.items.length).toBe(snapshot.length + 2);
    expect(fresh.items.map((c) => c.call_id)).toEqual(expect.arrayContaining(added.body.items.map((c: CallJson) => c.call_id)));
  });
});

describe("GET /api/v2/call/{id} and live calls", () => {
  it("returns a listed call unchanged and 404 for unknown or foreign ids", async () => {
    const listed = (await call(emu, "/api/v2/call?limit=1", { token })).body.items[0];
    expect((await call(emu, `/api/v2/call/${listed.call_id}`, { token })).body).toEqual(listed);
    expect((await call(emu, "/api/v2/call/5099999000000000", { token })).status).toBe(404);
    const foreign = await tokenFor(emu, "admin@other.test", ["calls:list"]);
    expect((await call(emu, `/api/v2/call/${listed.call_id}`, { token: foreign })).status).toBe(404);
  });

  it("shows an in-progress call by id but lists it only once it has ended", async () => {
    const now = Date.now();
    const added = await call(emu, "/__admin/calls", {
      method: "POST",
      body: JSON.stringify({ user: "admin@acme.test", direction: "outbound", started_at: now - 20_000, ring_ms: 2_000, talk_ms: 600_000 }),
    });
    const id = added.body.items[0].call_id;
    const live = await call(emu, `/api/v2/call/${id}`, { token });
    expect([live.body.state, live.body.date_ended, typeof live.body.date_connected]).toEqual(["connected", null, "string"]);
    const listed = await listAll(`started_after=${now - 60_000}`);
    expect(listed.items.map((c) => c.call_id)).not.toContain(id);

    const done = await call(emu, "/__admin/calls", { method: "POST", body: JSON.stringify({ user: "admin@acme.test", kind: "missed" }) });
    const after = await listAll(`started_after=${now - 60_000}`);
    expect(after.items.map((c) => [c.call_id, c.state])).toEqual([[done.body.items[0].call_id, "missed"]]);
  });
});
