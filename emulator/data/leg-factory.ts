import { zoneProfiles } from "./names";
import type { Rng } from "./prng";
import type { Company, Direction, Group, Leg, LegKind, Party, User } from "./types";

const labelPool = ["sales", "support", "follow-up", "billing", "renewal"] as const;

/** The other party when the leg's counterpart is a Dialpad user. */
export function userAsContact(user: User): Party {
  return { ...user.party, type: "user" };
}

const groupPrefixes: Record<Group["kind"], string> = { office: "Office", department: "Department", call_center: "CallCenter", room: "Room" };

export function groupId(group: Group): string {
  return `${groupPrefixes[group.kind]}:${group.id}`;
}

/** An external contact, usually from the user's own region. */
export function pickContact(company: Company, user: User, rng: Rng): Party {
  const pool = company.contacts;
  const zones = zoneProfiles.length;
  if (rng.chance(0.75) && pool.length > user.zoneIndex) {
    const slots = Math.floor((pool.length - 1 - user.zoneIndex) / zones);
    return pool[rng.int(0, slots) * zones + user.zoneIndex] ?? pool[0]!;
  }
  return rng.pick(pool);
}

export interface Timing {
  start: number;
  rang: number | null;
  connected: number | null;
  ended: number;
}

/** Ring then (optionally) talk: returns the four instants of a leg. */
export function timing(rng: Rng, start: number, ringMs: number, talkMs: number | null): Timing {
  const rang = start + rng.int(150, 1500);
  if (talkMs === null) return { start, rang, connected: null, ended: rang + ringMs };
  const connected = rang + ringMs;
  return { start, rang, connected, ended: connected + talkMs };
}

export const ringMs = (rng: Rng) => rng.int(2_500, 22_000);
export const unansweredRingMs = (rng: Rng) => rng.int(15_000, 40_000);
export const talkMs = (rng: Rng) => Math.round(rng.logNormal(150_000, 0.95, 8_000, 50 * 60_000));

export interface LegInit {
  callId: string;
  kind: LegKind;
  direction: Direction;
  state: string;
  time: Timing;
  target: Party;
  contact: Party;
  internalNumber: string | null;
  externalNumber?: string | null;
  masterCallId?: string | null;
  entryPointCallId?: string | null;
  operatorCallId?: string | null;
  entryPointTarget?: Party | null;
  groupId?: string | null;
  isTransferred?: boolean;
  isInternal?: boolean;
  hasVoicemail?: boolean;
}

const voicemailLines = [
  "Hi, it's about the quote you sent over, please call me back when you get a chance.",
  "Hello, just following up on our conversation, talk soon.",
  "Hey, this is a quick reminder about tomorrow's delivery window. Thanks!",
  "Hi there, I have a question about my invoice. My number is on file.",
];

/** Fills every remaining field of a leg from `rng` (recording, labels, MOS, event timestamp). */
export function makeLeg(rng: Rng, init: LegInit): Leg {
  const { time } = init;
  const talked = time.connected === null ? 0 : time.ended - time.connected;
  const duration = talked === 0 ? 0 : Math.max(0, talked - rng.int(0, 900)) + rng.int(1, 999) / 1000;
  const hasVoicemail = init.hasVoicemail ?? false;
  return {
    callId: init.callId,
    masterCallId: init.masterCallId ?? null,
    entryPointCallId: init.entryPointCallId ?? null,
    operatorCallId: init.operatorCallId ?? null,
    direction: init.direction,
    state: init.state,
    dateStarted: time.start,
    dateRang: time.rang,
    dateConnected: time.connected,
    dateEnded: time.ended,
    eventTimestamp: time.ended + rng.int(15, 900),
    duration,
    externalNumber: init.externalNumber === undefined ? init.contact.phone : init.externalNumber,
    internalNumber: init.internalNumber,
    contact: init.contact,
    target: init.target,
    entryPointTarget: init.entryPointTarget ?? null,
    proxyTarget: null,
    groupId: init.groupId ?? null,
    isTransferred: init.isTransferred ?? false,
    isInternal: init.isInternal ?? false,
    wasRecorded: talked > 0 && rng.chance(0.18),
    hasVoicemail,
    transcriptionText: hasVoicemail ? rng.pick(voicemailLines) : null,
    labels: talked > 0 && rng.chance(0.12) ? [rng.pick(labelPool)] : [],
    mosScore: talked > 0 ? Math.round(rng.int(360, 460)) / 100 : null,
    customData: "",
    kind: init.kind,
  };
}
