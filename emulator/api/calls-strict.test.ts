import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { call, startTestEmulator, tokenFor } from "../testing/harness";
import { createVirtualClock } from "../testing/virtual-clock";

const TWO_TO_53 = 2n ** 53n;

let emu: RunningEmulator;
let token: string;
// Cursor ages and the rate-limit window are measured on virtual time.
const clock = createVirtualClock();

beforeAll(async () => {
  emu = await startTestEmulator({ mode: "strict", cursorTtlSeconds: 300, backgroundRps: 15 }, { clock });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await call(emu, "/__admin/reset", { method: "POST", body: JSON.stringify({ mode: "strict" }) });
  token = await tokenFor(emu, "admin@acme.test", ["calls:list"]);
});

const list = (query: string) => call(emu, `/api/v2/call?${query}`, { token });

describe("strict mode switches", () => {
  it("is reported by /__admin/companies, with the call center and meeting rooms strict data use", async () => {
    const { body } = await call(emu, "/__admin/companies");
    expect(body.mode).toBe("strict");
    const [company] = body.items;
    expect(company.callCenters).toEqual([expect.objectContaining({ name: "Support Line", memberIds: expect.arrayContaining([company.users[0].id]) })]);
    expect(company.meetingRooms).toHaveLength(2);
    await call(emu, "/__admin/reset", { method: "POST", body: JSON.stringify({ mode: "default" }) });
    const plain = (await call(emu, "/__admin/companies")).body;
    expect([plain.mode, plain.items[0].callCenters, plain.items[0].meetingRooms]).toEqual(["default", [], []]);
  });
});

describe("GET /api/v2/call in strict mode", () => {
  it("ignores limit: every page has 25 items, and the pages still add up to every call", async () => {
    const first = await list("limit=100");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(25);
    expect((await list("limit=-3")).status).toBe(400);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(`limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.body.items.length).toBeLessThanOrEqual(25);
      if (page.body.cursor) expect(page.body.items).toHaveLength(25);
      ids.push(...page.body.items.map((c: { call_id: string }) => c.call_id));
      cursor = page.body.cursor;
    } while (cursor);
    const all = (await call(emu, "/__admin/calls")).body.items.map((c: { call_id: string }) => c.call_id);
    expect(ids).toEqual(all);
  });

  it("serialises ids at or above 2^53 as strings, and GET /call/{id} finds them", async () => {
    const [item] = (await list("")).body.items;
    expect(typeof item.call_id).toBe("string");
    expect(BigInt(item.call_id) >= TWO_TO_53).toBe(true);
    expect(BigInt(item.target.id) >= TWO_TO_53).toBe(true);
    const one = await call(emu, `/api/v2/call/${item.call_id}`, { token });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(item);
  });

  it("expires a cursor cursorTtlSeconds after it was handed out: 400 invalid, and the listing can start again", async () => {
    const first = await list("");
    await clock.advance(300_000);
    const second = await list(`cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(second.status).toBe(200);
    await clock.advance(300_001);
    const expired = await list(`cursor=${encodeURIComponent(second.body.cursor)}`);
    expect(expired.status).toBe(400);
    expect(expired.body.error.errors[0].reason).toBe("invalid");
    expect(expired.body.error.message).toBe("Invalid value for cursor: the cursor has expired; list again without it.");
    expect((await list("")).body.items).toEqual(first.body.items);
  });

  it("never expires cursors in the default mode", async () => {
    await call(emu, "/__admin/reset", { method: "POST", body: JSON.stringify({ mode: "default" }) });
    token = await tokenFor(emu, "admin@acme.test", ["calls:list"]);
    const first = await list("");
    await clock.advance(24 * 3_600_000);
    expect((await list(`cursor=${encodeURIComponent(first.body.cursor)}`)).status).toBe(200);
  });

  it("shares the company's 20 requests/second with other integrations: 20 requests at once meet 429s", async () => {
    await call(emu, "/__admin/rate-limit", { method: "POST", body: JSON.stringify({ perSecond: 20 }) });
    const answers = await Promise.all(Array.from({ length: 20 }, () => list("")));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("retry-after")).toBe("1");
    expect(limited[0]!.body.error.errors[0].reason).toBe("rateLimitExceeded");
    const stats = (await call(emu, "/__admin/stats")).body;
    expect(stats.backgroundRequests).toBe(limited.length);
    expect(stats.rateLimited).toBe(limited.length);
    // A second later the window has moved on, and the same requests pass again.
    await clock.advance(60_000);
    await call(emu, "/__admin/rate-limit", { method: "POST", body: JSON.stringify({ perSecond: 0 }) });
    expect((await list("")).status).toBe(200);
  });
});
