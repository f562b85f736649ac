// Calls added at run time through POST /__admin/calls. They get their own id range ("8<company>…")
// and a live sequence number so that listings already in progress never see them.
import { z } from "zod";
import { wideId } from "./company";
import { groupId, makeLeg, type LegInit, type Timing, userAsContact } from "./leg-factory";
import { Rng } from "./prng";
import type { Company, Leg, Party, User } from "./types";

const instant = z.union([z.number().int().nonnegative(), z.string().datetime({ offset: true })]).transform((v) => (typeof v === "number" ? v : Date.parse(v)));

export const liveCallSchema = z
  .object({
    user: z.string().min(1),
    kind: z.enum(["answered", "missed", "voicemail"]).default("answered"),
    direction: z.enum(["inbound", "outbound"]).default("inbound"),
    to_user: z.string().min(1).optional(),
    via: z.enum(["office", "department"]).optional(),
    started_at: instant.optional(),
    ring_ms: z.number().int().min(0).max(600_000).default(5_000),
    talk_ms: z.number().int().min(0).max(24 * 3_600_000).default(60_000),
    external_number: z.string().regex(/^\+[1-9]\d{6,14}$/).optional(),
    contact_name: z.string().max(200).optional(),
    custom_data: z.string().max(2_000).optional(),
    was_recorded: z.boolean().default(false),
  })
  .strict();

export type LiveCallSpec = z.infer<typeof liveCallSchema>;

export interface LiveContext {
  company: Company;
  user: User;
  toUser: User | null;
  nextSeq: () => number;
  now: number;
  /** Strict mode: ids at or above 2^53. */
  strict?: boolean;
}

const liveId = (company: Company, seq: number, strict: boolean) => wideId(`8${company.index}${String(seq).padStart(14, "0")}`, strict);

function times(spec: LiveCallSpec, start: number, answered: boolean): Timing {
  const rang = start + 300;
  if (!answered) return { start, rang, connected: null, ended: rang + spec.ring_ms + (spec.kind === "voicemail" ? spec.talk_ms : 0) };
  const connected = rang + spec.ring_ms;
  return { start, rang, connected, ended: connected + spec.talk_ms };
}

/** Builds the legs of one live call; every leg carries a fresh live sequence number. */
export function buildLiveLegs(spec: LiveCallSpec, ctx: LiveContext): Leg[] {
  const { company, user, toUser } = ctx;
  const seqs: number[] = [];
  const nextId = () => {
    const seq = ctx.nextSeq();
    seqs.push(seq);
    return liveId(company, seq, ctx.strict ?? false);
  };
  const rng = Rng.of("live", company.index, ctx.nextSeq());
  const answered = spec.kind === "answered";
  // Without started_at the call has just finished: every event is already due.
  const start = spec.started_at ?? ctx.now - times(spec, 0, answered).ended - 1_000;
  const contact: Party = toUser
    ? userAsContact(toUser)
    : { id: rng.id16(), type: "local", name: spec.contact_name ?? spec.external_number ?? "Unknown caller", phone: spec.external_number ?? "+14155550123", email: "" };
  const finish = (leg: Leg): Leg => ({
    ...leg, kind: "live", customData: spec.custom_data ?? "", wasRecorded: spec.was_recorded && leg.dateConnected !== null, labels: [],
  });
  const legs: Leg[] = [];
  if (toUser) {
    const callerId = nextId();
    const callerTime = times(spec, start, spec.kind !== "missed");
    const base = { isInternal: true, masterCallId: callerId };
    legs.push(makeLeg(rng, { ...base, callId: callerId, kind: "live", direction: "outbound", state: "hangup", time: callerTime, target: user.party, contact, internalNumber: user.phone, externalNumber: toUser.phone }));
    const receiverTime = { ...callerTime, start: start + 100, connected: answered ? callerTime.connected : null };
    const receiverState = spec.kind === "voicemail" ? "voicemail" : spec.kind === "missed" ? "missed" : "hangup";
    legs.push(makeLeg(rng, { ...base, callId: nextId(), kind: "live", direction: "inbound", state: receiverState, time: receiverTime, target: toUser.party, contact: userAsContact(user), internalNumber: toUser.phone, externalNumber: user.phone, entryPointCallId: callerId, hasVoicemail: spec.kind === "voicemail" }));
  } else {
    const direction = spec.kind === "voicemail" ? "inbound" : spec.direction;
    // An unanswered outbound call ends as a plain hangup; an unanswered inbound one as missed.
    const legState = spec.kind === "voicemail" ? "voicemail" : spec.kind === "missed" && direction === "inbound" ? "missed" : "hangup";
    const init: LegInit = { callId: "", kind: "live", direction, state: legState, time: times(spec, start, answered), target: user.party, contact, internalNumber: user.phone, hasVoicemail: spec.kind === "voicemail" };
    const group = spec.via === "office" ? company.office : spec.via === "department" ? company.departments.find((d) => user.departmentIds.includes(d.id)) ?? company.departments[0]! : null;
    if (group && direction === "inbound") {
      const entryId = nextId();
      const agentId = nextId();
      const agentTime = { ...init.time, start: start + 1_000 };
      legs.push(makeLeg(rng, { ...init, callId: entryId, state: "hangup", hasVoicemail: false, target: group.party, internalNumber: group.phone, entryPointTarget: group.party, groupId: groupId(group), masterCallId: entryId, operatorCallId: answered ? agentId : null }));
      legs.push(makeLeg(rng, { ...init, callId: agentId, time: agentTime, entryPointTarget: group.party, groupId: groupId(group), entryPointCallId: entryId }));
    } else {
      legs.push(makeLeg(rng, { ...init, callId: nextId() }));
    }
  }
  return legs.map((leg, i) => ({ ...finish(leg), liveSeq: seqs[i] }));
}
