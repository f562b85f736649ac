// Turns live call legs into call-state events at their real instants and delivers each event to every
// matching, enabled call subscription of the leg's company.
import { toWebhookEvent, voicemailStartsAt } from "../data/serialize";
import type { EmulatorClock } from "../clock";
import type { Leg } from "../data/types";
import type { Deliverer } from "./deliver";
import type { CallSubscription, HookStore } from "./store";

export interface CallEvent {
  state: string;
  at: number;
}

/** The event sequence of a leg, in time order. `hangup` is sent for every ended leg. */
export function eventsFor(leg: Leg): CallEvent[] {
  const events: CallEvent[] = [];
  if (leg.direction === "outbound") events.push({ state: "calling", at: leg.dateStarted });
  else events.push({ state: "ringing", at: leg.dateRang ?? leg.dateStarted });
  if (leg.dateConnected !== null) events.push({ state: "connected", at: leg.dateConnected });
  if (leg.hasVoicemail) events.push({ state: "voicemail", at: voicemailStartsAt(leg) });
  if (leg.state === "missed") events.push({ state: "missed", at: leg.dateEnded });
  events.push({ state: "hangup", at: leg.dateEnded });
  if (leg.hasVoicemail) events.push({ state: "voicemail_uploaded", at: leg.dateEnded + 1_500 });
  if (leg.wasRecorded) events.push({ state: "recording", at: leg.dateEnded + 2_000 });
  return events;
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
  ) {}

  /** Schedules every event of `legs`; events already in the past fire immediately, in order. */
  schedule(companyIndex: number, legs: Leg[], now = this.clock.now()): void {
    const events = legs
      .flatMap((leg) => eventsFor(leg).map((e) => ({ ...e, leg })))
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
      const payload = toWebhookEvent(leg, event.state, event.at);
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
