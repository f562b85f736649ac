// The emulator's time for everything that waits: live calls' webhook events fire at their instants,
// deliveries wait between retries, injected hangs hold a response. Tests pass a virtual clock
// (testing/virtual-clock.ts) so none of that takes real time.
import { sleep } from "./http-utils";

export interface EmulatorClock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: EmulatorClock = { now: () => Date.now(), sleep };
