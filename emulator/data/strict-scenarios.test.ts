import { describe, expect, it } from "vitest";
import { resolveConfig } from "../config";
import { TEST_ANCHOR } from "../testing/harness";
import { buildDataset, type Dataset } from "./dataset";
import { toRestCall } from "./serialize";
import type { Leg } from "./types";

const TWO_TO_53 = 2n ** 53n;
const config = resolveConfig({ anchor: TEST_ANCHOR, days: 14, users: 24, mode: "strict" });

function everyLeg(data: Dataset): Leg[] {
  const company = data.companies[0]!;
  return data.calls.all(company, { after: -1, before: Number.MAX_SAFE_INTEGER, endedBy: Number.MAX_SAFE_INTEGER, maxLiveSeq: 0 });
}

const data = buildDataset(config);
const company = data.companies[0]!;
const legs = everyLeg(data);
const byId = new Map(legs.map((l) => [l.callId, l]));
const ofKind = (kind: Leg["kind"]) => legs.filter((l) => l.kind === kind);

describe("strict data", () => {
  it("puts every company, group, user and call id at or above 2^53, within int64", () => {
    const ids = [
      company.id, company.office.id, ...company.departments.map((d) => d.id), ...company.callCenters.map((g) => g.id),
      ...company.meetingRooms.map((g) => g.id), ...company.users.map((u) => u.id), ...legs.map((l) => l.callId),
    ];
    for (const id of ids) {
      expect(id).toMatch(/^\d{17,19}$/);
      expect(BigInt(id) >= TWO_TO_53 && BigInt(id) < 2n ** 63n, id).toBe(true);
    }
    const leg = legs[0]!;
    expect(data.calls.findById(company, leg.callId)).toBe(leg);
    expect(toRestCall(leg).call_id).toBe(leg.callId);
  });

  it("rings several members at once on department and main-line calls; one answers, the others miss", () => {
    const entries = ofKind("entry").filter((l) => l.target.type === "department" || (l.target.type === "office" && l.operatorCallId !== null));
    const rung = (entry: Leg) => legs.filter((l) => l.entryPointCallId === entry.callId && l.target.type === "user");
    const ringAll = entries.filter((e) => rung(e).length >= 2);
    expect(ringAll.length).toBeGreaterThan(5);
    for (const entry of ringAll) {
      const agents = rung(entry);
      const answered = agents.filter((l) => l.dateConnected !== null);
      expect(answered.length).toBeLessThanOrEqual(1);
      if (entry.operatorCallId !== null) expect(answered.map((l) => l.callId)).toEqual([entry.operatorCallId]);
      for (const missed of agents.filter((l) => l.dateConnected === null)) {
        expect(missed.state).toBe("missed");
        expect(missed.groupId).toBe(entry.groupId);
        // Ringing stops when someone answers.
        if (answered[0]) expect(missed.dateEnded).toBeLessThanOrEqual(answered[0].dateConnected! + 400);
      }
    }
  });

  it("routes call-center calls main line → call center → agents with the production cross-links", () => {
    const center = company.callCenters[0]!;
    const centerLegs = ofKind("call_center");
    expect(centerLegs.length).toBeGreaterThan(3);
    for (const leg of centerLegs) {
      expect(leg.target).toMatchObject({ id: center.id, type: "call_center" });
      expect(leg.groupId).toBe(`CallCenter:${center.id}`);
      const root = byId.get(leg.masterCallId!)!;
      expect(root.target.type).toBe("office");
      expect(leg.entryPointCallId).toBe(root.callId);
      const agents = legs.filter((l) => l.entryPointCallId === leg.callId);
      expect(agents.length).toBeGreaterThanOrEqual(2);
      for (const agent of agents) {
        expect(agent.masterCallId).toBeNull();
        expect(agent.target.type).toBe("user");
        expect(center.members.map((u) => u.id)).toContain(agent.target.id);
      }
      if (leg.operatorCallId !== null) expect(byId.get(leg.operatorCallId)!.dateConnected).not.toBeNull();
    }
  });

  it("has outbound legs that end in the callee's voicemail: connected, final state voicemail, no recording of ours", () => {
    const outbound = legs.filter((l) => l.direction === "outbound" && l.state === "voicemail");
    expect(outbound.some((l) => l.kind === "outbound_voicemail")).toBe(true);
    expect(outbound.some((l) => l.kind === "voicemail_caller")).toBe(true);
    for (const leg of outbound) {
      expect(leg.dateConnected).not.toBeNull();
      expect(leg.hasVoicemail).toBe(false);
      expect(toRestCall(leg).voicemail_share_link).toBeNull();
    }
  });

  it("has Dialpad Meetings legs: a user's leg whose contact and entry point are a meeting room", () => {
    const meetings = ofKind("meeting");
    expect(meetings.length).toBeGreaterThan(0);
    const roomIds = company.meetingRooms.map((r) => r.id);
    for (const leg of meetings) {
      const rest = toRestCall(leg) as Record<string, Record<string, string>>;
      expect(leg.target.type).toBe("user");
      expect(rest.contact).toMatchObject({ type: "room", phone: leg.externalNumber });
      expect(rest.entry_point_target).toEqual(rest.contact);
      expect(roomIds).toContain(leg.contact.id);
      expect(leg.groupId).toBe(`Room:${leg.contact.id}`);
      expect(leg.dateEnded - leg.dateConnected!).toBeGreaterThanOrEqual(15 * 60_000);
    }
  });

  it("is deterministic from the seed, and the default mode has none of it", () => {
    expect(everyLeg(buildDataset(config)).map((l) => toRestCall(l))).toEqual(legs.map((l) => toRestCall(l)));
    const plain = buildDataset({ ...config, mode: "default" });
    const plainLegs = everyLeg(plain);
    expect(plain.companies[0]!.callCenters).toEqual([]);
    expect(plainLegs.every((l) => BigInt(l.callId) < TWO_TO_53)).toBe(true);
    expect(plainLegs.some((l) => ["meeting", "call_center", "ring_missed", "outbound_voicemail"].includes(l.kind))).toBe(false);
    expect(plainLegs.some((l) => l.direction === "outbound" && l.state === "voicemail")).toBe(false);
  });
});
