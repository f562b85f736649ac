// Turns live call legs into call-state events at their real instants and delivers each event to every
// matching, enabled call subscription of the leg's company.
import { toPartialWebhookEvent, toWebhookEvent, voicemailStartsAt } from "../data/serialize";
import type { EmulatorClock } from "../clock";
import type { Leg } from "../data/types";
import type { Deliverer } from "./deliver";
import type { CallSubscription, HookStore } from "./store";

export interface CallEvent {
  state: string;
  at: number;
  /** Strict mode's late post-call events carry only some fields (serialize.ts toPartialWebhookEvent). */
  isPartial?: boolean;
}

export interface StrictEvents {
  /** When the partial `postcall` event fires after hangup. */
  postCallDelayMs: number;
}

export const STRICT_RECORDING_DELAY_MS = 120_000;
const STRICT_TRANSCRIPTION_AFTER_POSTCALL_MS = 60_000;

/**
 * The event sequence of a leg, in time order. `hangup` is sent for every ended leg. Strict mode moves
 * `recording` to minutes after hangup and adds `postcall` (every leg) and `transcription` (voicemail legs),
 * all three partial.
 */
export function eventsFor(leg: Leg, strict: StrictEvents | null = null): CallEvent[] {
  const events: CallEvent[] = [];
  if (leg.direction === "outbound") events.push({ state: "calling", at: leg.dateStarted });
  else events.push({ state: "ringing", at: leg.dateRang ?? leg.dateStarted });
  if (leg.dateConnected !== null) events.push({ state: "connected", at: leg.dateConnected });
  if (leg.hasVoicemail) events.push({ state: "voicemail", at: voicemailStartsAt(leg) });
  if (leg.state === "missed") events.push({ state: "missed", at: leg.dateEnded });
  events.push({ state: "hangup", at: leg.dateEnded });
  if (leg.hasVoicemail) events.push({ state: "voicemail_uploaded", at: leg.dateEnded + 1_500 });
  if (!strict) {
    if (leg.wasRecorded) events.push({ state: "recording", at: leg.dateEnded + 2_000 });
    return events;
  }
  if (leg.wasRecorded) events.push({ state: "recording", at: leg.dateEnded + STRICT_RECORDING_DELAY_MS, isPartial: true });
  const postcall = leg.dateEnded + strict.postCallDelayMs;
  events.push({ state: "postcall", at: postcall, isPartial: true });
  if (leg.hasVoicemail) events.push({ state: "transcription", at: postcall + STRICT_TRANSCRIPTION_AFTER_POSTCALL_MS, isPartial: true });
  return events.sort((a, b) => a.at - b.at);
}

const normaliseType = (type: string) => (type === "callcenter" ? "call_center" : type);

export function subscriptionMatches(sub: CallSubscription, leg: Leg, state: string): boolean {
  if (!sub.enabled) return false;
  if (sub.callStates.length > 0 && !sub.callStates.includes("all") && !sub.callStates.includes(state)) return false;
  if (sub.groupCallsOnly && leg.groupId === null) return false;
  if (sub.targetId !== null) {
    const type = sub.targetType === null ? null : normaliseType(sub.targetType);
    const hits = (p: Leg["target"] | null) => p !== null && p.id === sub.targetId && (type === null || p.type === type);
    if (!hits(leg.target) && !hits(leg.entryPointTarget)) return false;
  }
  return true;
}

export class Dispatcher {
  private waiting = 0;
  private inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly hooks: HookStore,
    private readonly deliverer: Deliverer,
    private readonly clock: EmulatorClock,
    /** Aborted by a reset or shutdown: events still waiting are dropped. */
    private readonly cancel: AbortSignal,
    /** Strict mode's extra, partial post-call events; null in the default mode. */
    private readonly strict: StrictEvents | null = null,
  ) {}

  /** Schedules every event of `legs`; events already in the past fire immediately, in order. */
  schedule(companyIndex: number, legs: Leg[], now = this.clock.now()): void {
    const events = legs
      .flatMap((leg) => eventsFor(leg, this.strict).map((e) => ({ ...e, leg })))
      .sort((a, b) => a.at - b.at);
    for (const event of events) {
      this.waiting++;
      void this.clock.sleep(Math.max(0, event.at - now), this.cancel).then(() => {
        this.waiting--;
        if (!this.cancel.aborted) this.fire(companyIndex, event.leg, event);
      });
    }
  }

  private fire(companyIndex: number, leg: Leg, event: CallEvent): void {
    for (const sub of this.hooks.listSubscriptions(companyIndex)) {
      if (!subscriptionMatches(sub, leg, event.state)) continue;
      const hook = this.hooks.getWebhook(companyIndex, sub.webhookId);
      if (!hook) continue;
      const payload = (event.isPartial ? toPartialWebhookEvent : toWebhookEvent)(leg, event.state, event.at);
      const delivery = this.deliverer.deliver({ url: hook.hookUrl, secret: hook.secret }, payload);
      this.inFlight.add(delivery);
      void delivery.finally(() => this.inFlight.delete(delivery));
    }
  }

  /** No event is waiting for its instant and no delivery (or its retry wait) is in progress. */
  get isIdle(): boolean {
    return this.waiting === 0 && this.inFlight.size === 0;
  }

  /** Resolves once idle (used by tests; on a virtual clock, move the clock past every wait first). */
  async idle(): Promise<void> {
    while (!this.isIdle) {
      await Promise.allSettled([...this.inFlight]);
      if (this.waiting > 0) await new Promise((r) => setTimeout(r, 10));
    }
  }
}
