// One function per kind of real-world call. Each returns every leg the call produces, for every
// participant, with Dialpad's cross-links (master/entry/operator ids) filled in.
import {
  groupId, makeLeg, pickContact, ringMs, talkMs, timing, unansweredRingMs, userAsContact,
} from "./leg-factory";
import type { Rng } from "./prng";
import type { Company, Leg, User } from "./types";

export interface ScenarioContext {
  company: Company;
  rng: Rng;
  user: User;
  start: number;
  nextId: () => string;
  /** Another calling user of the company, or null when the user is alone. */
  colleague: User | null;
  /** Strict mode (strict-scenarios.ts adds its own kinds of call). */
  strict?: boolean;
}

export type Scenario = (ctx: ScenarioContext) => Leg[];

export const outboundExternal: Scenario = ({ company, rng, user, start, nextId }) => {
  const contact = pickContact(company, user, rng);
  const answered = rng.chance(0.72);
  const time = answered ? timing(rng, start, ringMs(rng), talkMs(rng)) : timing(rng, start, unansweredRingMs(rng), null);
  const kind = answered ? "external" : "missed";
  return [makeLeg(rng, { callId: nextId(), kind, direction: "outbound", state: "hangup", time, target: user.party, contact, internalNumber: user.phone })];
};

export const inboundDirect: Scenario = ({ company, rng, user, start, nextId }) => {
  const contact = pickContact(company, user, rng);
  const roll = rng.next();
  const base = { callId: nextId(), direction: "inbound" as const, target: user.party, contact, internalNumber: user.phone };
  if (roll < 0.7) {
    return [makeLeg(rng, { ...base, kind: "external", state: "hangup", time: timing(rng, start, ringMs(rng), talkMs(rng)) })];
  }
  if (roll < 0.85) {
    const state = rng.chance(0.5) ? "missed" : "hangup";
    return [makeLeg(rng, { ...base, kind: "missed", state, time: timing(rng, start, unansweredRingMs(rng), null) })];
  }
  const time = timing(rng, start, unansweredRingMs(rng) + rng.int(8_000, 60_000), null);
  return [makeLeg(rng, { ...base, kind: "voicemail", state: "voicemail", time, hasVoicemail: true })];
};

/** A call to the office main line or a department that rings the user (an operator leg). */
export const inboundViaGroup: Scenario = ({ company, rng, user, start, nextId }) => {
  const dept = company.departments.find((d) => user.departmentIds.includes(d.id));
  const group = dept && rng.chance(0.7) ? dept : company.office;
  const contact = pickContact(company, user, rng);
  const entryId = nextId();
  const agentId = nextId();
  const answered = rng.chance(0.8);
  const agentStart = start + rng.int(2_000, 15_000);
  const agentTime = answered ? timing(rng, agentStart, ringMs(rng), talkMs(rng)) : timing(rng, agentStart, unansweredRingMs(rng), null);
  const entryTime = { start, rang: start + rng.int(100, 600), connected: agentTime.connected, ended: agentTime.ended + rng.int(50, 800) };
  const shared = { direction: "inbound" as const, contact, entryPointTarget: group.party, groupId: groupId(group) };
  const entry = makeLeg(rng, {
    ...shared, callId: entryId, kind: "entry", state: "hangup", time: entryTime, target: group.party, internalNumber: group.phone,
    masterCallId: entryId, operatorCallId: answered ? agentId : null,
  });
  const agent = makeLeg(rng, {
    ...shared, callId: agentId, kind: answered ? "operator" : "missed", state: answered ? "hangup" : "missed", time: agentTime,
    target: user.party, internalNumber: user.phone, entryPointCallId: entryId,
  });
  return [agent, entry];
};

/** User-to-user call: caller's outbound leg plus the receiver's inbound leg (answered, voicemail or missed). */
export const internalCall: Scenario = (ctx) => {
  const { rng, user, start, nextId, colleague } = ctx;
  if (!colleague) return outboundExternal(ctx);
  const callerId = nextId();
  const receiverId = nextId();
  const roll = rng.next();
  const ring = ringMs(rng);
  const common = { isInternal: true, externalNumber: null as string | null };
  const callerBase = { ...common, callId: callerId, direction: "outbound" as const, target: user.party, contact: userAsContact(colleague), internalNumber: user.phone, externalNumber: colleague.phone, masterCallId: callerId };
  const receiverBase = { ...common, callId: receiverId, direction: "inbound" as const, target: colleague.party, contact: userAsContact(user), internalNumber: colleague.phone, externalNumber: user.phone, masterCallId: callerId, entryPointCallId: callerId };
  const callerTime = timing(rng, start, ring, roll < 0.92 ? talkMs(rng) : null);
  const receiverTime = { start: start + rng.int(80, 400), rang: callerTime.rang, connected: callerTime.connected, ended: callerTime.ended };
  if (roll < 0.8) {
    return [
      makeLeg(rng, { ...callerBase, kind: "internal", state: "hangup", time: callerTime }),
      makeLeg(rng, { ...receiverBase, kind: "internal", state: "hangup", time: receiverTime }),
    ];
  }
  if (roll < 0.92) {
    // Voicemail: the caller is connected to the mailbox; the receiver's leg never connects. Strict mode
    // gives the caller's leg the final state "voicemail" too (the other reading of §3.4).
    const vmTime = { ...receiverTime, connected: null };
    return [
      makeLeg(rng, { ...callerBase, kind: "voicemail_caller", state: ctx.strict ? "voicemail" : "hangup", time: callerTime }),
      makeLeg(rng, { ...receiverBase, kind: "voicemail", state: "voicemail", time: vmTime, hasVoicemail: true }),
    ];
  }
  return [
    makeLeg(rng, { ...callerBase, kind: "missed", state: "hangup", time: callerTime }),
    makeLeg(rng, { ...receiverBase, kind: "missed", state: "missed", time: receiverTime }),
  ];
};

/** External caller answered by the user, then transferred to a colleague on a new leg. */
export const transferCall: Scenario = (ctx) => {
  const { company, rng, user, start, nextId, colleague } = ctx;
  if (!colleague) return inboundDirect(ctx);
  const contact = pickContact(company, user, rng);
  const firstId = nextId();
  const secondId = nextId();
  const firstTime = timing(rng, start, ringMs(rng), rng.int(20_000, 240_000));
  const answered = rng.chance(0.9);
  const handover = firstTime.ended - rng.int(0, 6_000);
  const secondTime = answered ? timing(rng, handover, ringMs(rng), talkMs(rng)) : timing(rng, handover, unansweredRingMs(rng), null);
  return [
    makeLeg(rng, { callId: firstId, kind: "transfer_from", direction: "inbound", state: "hangup", time: firstTime, target: user.party, contact, internalNumber: user.phone, isTransferred: true, masterCallId: firstId }),
    makeLeg(rng, {
      callId: secondId, kind: "transfer_to", direction: "inbound", state: answered ? "hangup" : "missed", time: secondTime,
      target: colleague.party, contact, internalNumber: colleague.phone, isTransferred: true, masterCallId: firstId, entryPointCallId: firstId,
    }),
  ];
};

/** The user adds a third party mid-call: two overlapping records for the user sharing master_call_id. */
export const threeWayCall: Scenario = ({ company, rng, user, start, nextId }) => {
  const contact = pickContact(company, user, rng);
  const added = pickContact(company, user, rng);
  const mainId = nextId();
  const mainTime = timing(rng, start, ringMs(rng), rng.int(240_000, 1_500_000));
  const talk = mainTime.ended - (mainTime.connected ?? mainTime.start);
  const addAt = (mainTime.connected ?? start) + Math.round(talk * (0.2 + rng.next() * 0.3));
  const addedTime = timing(rng, addAt, ringMs(rng), 0);
  addedTime.ended = mainTime.ended - rng.int(0, 4_000);
  const direction = rng.chance(0.5) ? "inbound" : "outbound";
  return [
    makeLeg(rng, { callId: mainId, kind: "three_way_main", direction, state: "hangup", time: mainTime, target: user.party, contact, internalNumber: user.phone, masterCallId: mainId }),
    makeLeg(rng, { callId: nextId(), kind: "three_way_added", direction: "outbound", state: "hangup", time: addedTime, target: user.party, contact: added, internalNumber: user.phone, masterCallId: mainId }),
  ];
};

/** A late call that runs past the user's local midnight. */
export const midnightCall = (ctx: ScenarioContext): Leg[] => {
  const { company, rng, user, start, nextId } = ctx;
  const contact = pickContact(company, user, rng);
  const time = timing(rng, start, ringMs(rng), rng.int(12 * 60_000, 55 * 60_000));
  const direction = rng.chance(0.5) ? "inbound" : "outbound";
  return [makeLeg(rng, { callId: nextId(), kind: "midnight", direction, state: "hangup", time, target: user.party, contact, internalNumber: user.phone })];
};

export const weightedScenarios: ReadonlyArray<readonly [Scenario, number]> = [
  [outboundExternal, 0.34],
  [inboundDirect, 0.24],
  [inboundViaGroup, 0.16],
  [internalCall, 0.14],
  [transferCall, 0.07],
  [threeWayCall, 0.05],
];
