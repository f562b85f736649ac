// Strict mode's kinds of call, added to the default mix: ring-all group calls, call-center calls,
// outbound calls that end in the callee's voicemail, and Dialpad Meetings legs (README "Strict mode").
import {
  inboundDirect, internalCall, outboundExternal, threeWayCall, transferCall, type Scenario, type ScenarioContext,
} from "./call-scenarios";
import {
  groupId, makeLeg, pickContact, ringMs, talkMs, timing, unansweredRingMs, type Timing,
} from "./leg-factory";
import type { Rng } from "./prng";
import type { Group, Leg, Party, User } from "./types";

/** Up to three other members of `group` that ring at the same time as `user` (ring-all). */
function otherMembers(rng: Rng, group: Group, user: User): User[] {
  const pool = group.members.filter((u) => u.id !== user.id);
  const count = Math.min(pool.length, rng.int(1, 3));
  const picked: User[] = [];
  while (picked.length < count) {
    const candidate = rng.pick(pool);
    if (!picked.includes(candidate)) picked.push(candidate);
  }
  return picked;
}

interface RingAll {
  /** The legs of every member rung: `user`'s first (the one who answers, if anyone does). */
  legs: Leg[];
  winner: Timing;
  answeredBy: string | null;
  lastEnded: number;
}

/** Rings `user` and a few colleagues at once; `user` answers (or nobody does) and the others' legs end missed. */
function ringAll(ctx: ScenarioContext, group: Group, ringStart: number, shared: { contact: Party; entryPointCallId: string; entryPointTarget: Party }): RingAll {
  const { rng, user, nextId } = ctx;
  const answered = rng.chance(0.8);
  const winner = answered ? timing(rng, ringStart, ringMs(rng), talkMs(rng)) : timing(rng, ringStart, unansweredRingMs(rng), null);
  const ringingStops = winner.connected ?? winner.ended;
  const common = { ...shared, direction: "inbound" as const, groupId: groupId(group) };
  const winnerId = nextId();
  const legs = [makeLeg(rng, {
    ...common, callId: winnerId, kind: answered ? "operator" : "missed", state: answered ? "hangup" : "missed", time: winner,
    target: user.party, internalNumber: user.phone,
  })];
  for (const other of otherMembers(rng, group, user)) {
    const start = ringStart + rng.int(0, 300);
    const rang = start + rng.int(150, 600);
    const time = { start, rang, connected: null, ended: Math.max(rang + 1_000, ringingStops + rng.int(0, 400)) };
    legs.push(makeLeg(rng, { ...common, callId: nextId(), kind: "ring_missed", state: "missed", time, target: other.party, internalNumber: other.phone }));
  }
  return { legs, winner, answeredBy: answered ? winnerId : null, lastEnded: Math.max(...legs.map((l) => l.dateEnded)) };
}

/** Office main line or department, ringing several of its members at once (the default mode rings one). */
export const ringAllViaGroup: Scenario = (ctx) => {
  const { company, rng, user, start, nextId } = ctx;
  const dept = company.departments.find((d) => user.departmentIds.includes(d.id));
  const group = dept && rng.chance(0.7) ? dept : company.office;
  const contact = pickContact(company, user, rng);
  const entryId = nextId();
  const rung = ringAll(ctx, group, start + rng.int(2_000, 15_000), { contact, entryPointCallId: entryId, entryPointTarget: group.party });
  const entry = makeLeg(rng, {
    callId: entryId, kind: "entry", direction: "inbound", state: "hangup", contact, target: group.party, internalNumber: group.phone,
    time: { start, rang: start + rng.int(100, 600), connected: rung.winner.connected, ended: rung.lastEnded + rng.int(50, 800) },
    entryPointTarget: group.party, groupId: groupId(group), masterCallId: entryId, operatorCallId: rung.answeredBy,
  });
  return [...rung.legs, entry];
};

/**
 * Main line → call center → agents (§3.4 as observed in production): the call-center leg has
 * master_call_id = the main-line leg and operator_call_id = the answering agent's leg; each agent leg
 * has master_call_id null and entry_point_call_id = the call-center leg.
 */
export const callCenterCall: Scenario = (ctx) => {
  const { company, rng, user, start, nextId } = ctx;
  const center = company.callCenters[0];
  if (!center?.members.includes(user)) return ringAllViaGroup(ctx);
  const contact = pickContact(company, user, rng);
  const rootId = nextId();
  const centerId = nextId();
  const queuedAt = start + rng.int(4_000, 15_000);
  const rung = ringAll(ctx, center, queuedAt + rng.int(0, 90_000), { contact, entryPointCallId: centerId, entryPointTarget: center.party });
  const ended = rung.lastEnded + rng.int(50, 800);
  const connected = rung.winner.connected;
  const centerLeg = makeLeg(rng, {
    callId: centerId, kind: "call_center", direction: "inbound", state: "hangup", contact, target: center.party, internalNumber: center.phone,
    time: { start: queuedAt, rang: queuedAt + rng.int(100, 600), connected, ended },
    entryPointTarget: company.office.party, groupId: groupId(center), masterCallId: rootId, entryPointCallId: rootId, operatorCallId: rung.answeredBy,
  });
  const root = makeLeg(rng, {
    callId: rootId, kind: "entry", direction: "inbound", state: "hangup", contact, target: company.office.party, internalNumber: company.office.phone,
    time: { start, rang: start + rng.int(100, 600), connected, ended: ended + rng.int(20, 300) },
    entryPointTarget: company.office.party, groupId: groupId(company.office), masterCallId: rootId,
  });
  return [...rung.legs, centerLeg, root];
};

/** The callee's voicemail picks up: the leg connects, the user leaves a message, the final state is voicemail. */
export const outboundToVoicemail: Scenario = ({ company, rng, user, start, nextId }) => {
  const contact = pickContact(company, user, rng);
  const time = timing(rng, start, unansweredRingMs(rng), rng.int(8_000, 60_000));
  return [makeLeg(rng, { callId: nextId(), kind: "outbound_voicemail", direction: "outbound", state: "voicemail", time, target: user.party, contact, internalNumber: user.phone })];
};

/** A Dialpad Meetings leg: the user dials into (or is dialled by) a meeting room's bridge. */
export const meetingCall: Scenario = (ctx) => {
  const { company, rng, user, start, nextId } = ctx;
  if (company.meetingRooms.length === 0) return outboundExternal(ctx);
  const room = rng.pick(company.meetingRooms);
  const direction = rng.chance(0.6) ? "outbound" : "inbound";
  const time = timing(rng, start, rng.int(1_000, 4_000), rng.int(15, 60) * 60_000);
  const leg = makeLeg(rng, {
    callId: nextId(), kind: "meeting", direction, state: "hangup", time, target: user.party, contact: room.party, internalNumber: user.phone,
    entryPointTarget: room.party, groupId: groupId(room),
  });
  return [{ ...leg, wasRecorded: false, labels: [] }];
};

export const strictWeightedScenarios: ReadonlyArray<readonly [Scenario, number]> = [
  [outboundExternal, 0.3],
  [outboundToVoicemail, 0.04],
  [inboundDirect, 0.2],
  [ringAllViaGroup, 0.12],
  [callCenterCall, 0.1],
  [internalCall, 0.12],
  [transferCall, 0.06],
  [threeWayCall, 0.04],
  [meetingCall, 0.02],
];
