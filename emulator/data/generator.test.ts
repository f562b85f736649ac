import { describe, expect, it, vi } from "vitest";
import { resolveConfig } from "../config";
import { TEST_ANCHOR } from "../testing/harness";
import { generateDay } from "./call-day";
import { buildDataset, type Dataset } from "./dataset";
import { toRestCall } from "./serialize";
import { localTime } from "./timezones";
import type { Leg } from "./types";

// Counts which days get generated, so laziness is checked by size rather than by speed.
vi.mock("./call-day", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./call-day")>();
  return { ...actual, generateDay: vi.fn(actual.generateDay) };
});

const DAY = 86_400_000;
const config = resolveConfig({ anchor: TEST_ANCHOR, days: 14 });

function everyLeg(data: Dataset, companyIndex = 0): Leg[] {
  const company = data.companies[companyIndex]!;
  return data.calls.all(company, { after: -1, before: Number.MAX_SAFE_INTEGER, endedBy: Number.MAX_SAFE_INTEGER, maxLiveSeq: 0 });
}

const data = buildDataset(config);
const legs = everyLeg(data);
const byId = new Map(legs.map((l) => [l.callId, l]));

describe("directory", () => {
  const company = data.companies[0]!;

  it("makes user #1 Dana Admin, the company super admin", () => {
    const admin = company.users[0]!;
    expect([admin.email, `${admin.firstName} ${admin.lastName}`, admin.isSuperAdmin]).toEqual(["admin@acme.test", "Dana Admin", true]);
    expect(company.users.filter((u) => u.isSuperAdmin)).toHaveLength(1);
  });

  it("uses 16-digit ids, first.last emails, +1415555xxxx numbers and the required time zones", () => {
    expect(company.users).toHaveLength(12);
    for (const u of company.users) {
      expect(u.id).toMatch(/^\d{16}$/);
      expect(u.email).toMatch(/^[a-z]+(\.[a-z]+)?\d*@acme\.test$/);
      if (u.phone !== null) expect(u.phone).toMatch(/^\+1415555\d{4}$/);
    }
    expect(new Set(company.users.map((u) => u.email)).size).toBe(12);
    expect(new Set(company.users.map((u) => u.timeZone))).toEqual(
      new Set(["America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Kolkata"]),
    );
  });

  it("has users without a phone licence and suspended/cancelled users, none of whom take calls", () => {
    const states = company.users.map((u) => u.state);
    expect(states.filter((s) => s === "suspended")).toHaveLength(1);
    expect(states.filter((s) => s === "cancelled")).toHaveLength(1);
    const noPhone = company.users.filter((u) => u.phone === null);
    expect(noPhone.map((u) => u.license)).toEqual(["lite_support_agents", "lite_support_agents"]);
    const silent = new Set(company.users.filter((u) => u.state !== "active" || u.phone === null).map((u) => u.id));
    expect(legs.some((l) => silent.has(l.target.id) || silent.has(l.contact.id))).toBe(false);
  });
});

describe("determinism", () => {
  it("regenerates identical data from the same config", () => {
    const again = everyLeg(buildDataset(config));
    expect(again.map((l) => JSON.stringify(toRestCall(l)))).toEqual(legs.map((l) => JSON.stringify(toRestCall(l))));
  });

  it("produces different data from another seed", () => {
    const other = everyLeg(buildDataset({ ...config, seed: 7 }));
    expect(other.map((l) => l.dateStarted)).not.toEqual(legs.map((l) => l.dateStarted));
  });

  it("keeps a day's calls identical when the window moves (calls are generated per UTC day)", () => {
    const shifted = buildDataset({ ...config, anchor: TEST_ANCHOR + 3 * DAY, days: 17 });
    const company = shifted.companies[0]!;
    const day = Math.floor(TEST_ANCHOR / DAY) - 5;
    const window = { after: day * DAY - 1, before: (day + 1) * DAY, endedBy: Number.MAX_SAFE_INTEGER, maxLiveSeq: 0 };
    const a = data.calls.all(data.companies[0]!, window).map((l) => l.callId);
    expect(shifted.calls.all(company, window).map((l) => l.callId)).toEqual(a);
    expect(a.length).toBeGreaterThan(10);
  });
});

describe("realism", () => {
  it("keeps every leg inside the window, concluded, and ordered start < end", () => {
    for (const l of legs) {
      expect(l.dateStarted).toBeGreaterThanOrEqual(TEST_ANCHOR - 14 * DAY);
      expect(l.dateEnded).toBeLessThanOrEqual(TEST_ANCHOR);
      expect(l.dateEnded).toBeGreaterThan(l.dateStarted);
      if (l.dateConnected !== null) expect(l.dateConnected).toBeGreaterThanOrEqual(l.dateRang ?? l.dateStarted);
    }
  });

  it("places most calls in the user's local working hours (08:00-18:00 on weekdays)", () => {
    const userLegs = legs.filter((l) => l.target.type === "user");
    const zoneOf = new Map(data.companies[0]!.users.map((u) => [u.id, u.timeZone]));
    const inHours = userLegs.filter((l) => {
      const t = localTime(zoneOf.get(l.target.id)!, l.dateStarted);
      return t.weekday >= 1 && t.weekday <= 5 && t.hour >= 8 && t.hour < 18;
    });
    expect(inHours.length / userLegs.length).toBeGreaterThan(0.85);
  });

  it("pairs voicemails: caller's connected leg + receiver's unconnected voicemail leg", () => {
    const receivers = legs.filter((l) => l.state === "voicemail" && l.isInternal);
    expect(receivers.length).toBeGreaterThan(0);
    for (const vm of receivers) {
      const caller = byId.get(vm.masterCallId!)!;
      expect(vm.dateConnected).toBeNull();
      expect(vm.hasVoicemail).toBe(true);
      expect(toRestCall(vm).recording_details).toEqual([expect.objectContaining({ recording_type: "voicemail" })]);
      expect(toRestCall(vm).voicemail_share_link).toMatch(/^https:\/\//);
      expect(caller.direction).toBe("outbound");
      expect(caller.dateConnected).not.toBeNull();
      expect(caller.contact.id).toBe(vm.target.id);
    }
  });

  it("gives the adding user two overlapping legs of a three-way call linked by master_call_id", () => {
    const added = legs.filter((l) => l.kind === "three_way_added");
    expect(added.length).toBeGreaterThan(0);
    for (const leg of added) {
      const main = byId.get(leg.masterCallId!)!;
      expect(main.masterCallId).toBe(main.callId);
      expect(main.target.id).toBe(leg.target.id);
      expect(leg.dateStarted).toBeGreaterThan(main.dateConnected!);
      expect(leg.dateStarted).toBeLessThan(main.dateEnded);
    }
  });

  it("links transfers: transferee's new leg points at the original leg", () => {
    const targets = legs.filter((l) => l.kind === "transfer_to");
    expect(targets.length).toBeGreaterThan(0);
    for (const leg of targets) {
      const from = byId.get(leg.entryPointCallId!)!;
      expect([leg.isTransferred, from.isTransferred, leg.masterCallId]).toEqual([true, true, from.callId]);
      expect(from.target.id).not.toBe(leg.target.id);
      expect(leg.contact.id).toBe(from.contact.id);
    }
  });

  it("has internal calls as two legs (outbound caller + inbound receiver, is_internal)", () => {
    const receivers = legs.filter((l) => l.kind === "internal" && l.direction === "inbound");
    expect(receivers.length).toBeGreaterThan(0);
    for (const r of receivers) {
      const caller = byId.get(r.entryPointCallId!)!;
      expect([caller.direction, caller.isInternal, r.isInternal, caller.contact.id]).toEqual(["outbound", true, true, r.target.id]);
    }
  });

  it("has department/office entry legs whose operator leg points back at them", () => {
    const entries = legs.filter((l) => l.kind === "entry");
    expect(new Set(entries.map((l) => l.target.type))).toEqual(new Set(["office", "department"]));
    for (const e of entries.filter((l) => l.operatorCallId !== null)) {
      expect(byId.get(e.operatorCallId!)!.entryPointCallId).toBe(e.callId);
    }
  });

  it("has missed calls (never connected) ending as missed or hangup", () => {
    const missed = legs.filter((l) => l.dateConnected === null && !l.hasVoicemail && l.target.type === "user");
    expect(new Set(missed.map((l) => l.state))).toEqual(new Set(["missed", "hangup"]));
  });

  it("has calls that cross the user's local midnight", () => {
    const zoneOf = new Map(data.companies[0]!.users.map((u) => [u.id, u.timeZone]));
    const dayKey = (zone: string, t: number) => new Date(t).toLocaleDateString("en-CA", { timeZone: zone });
    const crossing = legs.filter((l) => l.target.type === "user" && dayKey(zoneOf.get(l.target.id)!, l.dateStarted) !== dayKey(zoneOf.get(l.target.id)!, l.dateEnded));
    expect(crossing.length).toBeGreaterThan(0);
  });

  it("never contains video meetings: only phone legs of users, offices and departments", () => {
    expect(new Set(legs.map((l) => l.direction))).toEqual(new Set(["inbound", "outbound"]));
    expect(new Set(legs.map((l) => l.target.type))).toEqual(new Set(["user", "office", "department"]));
    expect(new Set(legs.map((l) => l.contact.type))).toEqual(new Set(["local", "shared", "user"]));
    expect(legs.every((l) => /^\+\d{8,15}$/.test(l.externalNumber ?? "") && /^\+\d{8,15}$/.test(l.internalNumber ?? ""))).toBe(true);
  });

  // Its speed is printed by `npm run bench:emulator`.
  it("scales to a million calls lazily: the first page of a 1,000-user company builds only the days it reads", () => {
    const big = buildDataset({ ...config, users: 1000, days: 30, callsPerUserDay: 40 });
    const company = big.companies[0]!;
    vi.mocked(generateDay).mockClear();
    const page = big.calls.list(company, { after: -1, before: Number.MAX_SAFE_INTEGER, endedBy: Number.MAX_SAFE_INTEGER, maxLiveSeq: 0 }, 100);
    expect(page.items).toHaveLength(100);
    expect(page.hasMore).toBe(true);
    // The newest day, and the one before it for calls that run past midnight: not the other 28.
    const newestDay = Math.floor(TEST_ANCHOR / DAY);
    expect(vi.mocked(generateDay).mock.calls.map(([, day]) => day)).toEqual([newestDay, newestDay - 1]);
  }, 60_000);
});
