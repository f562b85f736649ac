// Everything the running emulator holds. `reset` rebuilds it all from (possibly overridden) config.
import { randomBytes } from "node:crypto";
import { systemClock, type EmulatorClock } from "./clock";
import type { EmulatorConfig } from "./config";
import { buildDataset, type Dataset } from "./data/dataset";
import { Faults } from "./faults";
import { OAuthStore } from "./oauth/store";
import { RateLimiter } from "./rate-limit";
import { SharedWindowLimiter } from "./shared-window-limit";
import { Stats } from "./stats";
import { Deliverer } from "./webhooks/deliver";
import { Dispatcher } from "./webhooks/dispatch";
import { HookStore } from "./webhooks/store";

export class EmulatorState {
  config!: EmulatorConfig;
  data!: Dataset;
  oauth!: OAuthStore;
  hooks!: HookStore;
  faults!: Faults;
  limiter!: RateLimiter;
  stats!: Stats;
  dispatcher!: Dispatcher;
  /** Signs pagination cursors; new per reset, so old cursors stop working after a reset. */
  cursorKey!: Buffer;
  private abort = new AbortController();

  constructor(
    config: EmulatorConfig,
    /** Time for live calls, webhook events and retries, and injected hangs; tests pass a virtual clock. */
    readonly clock: EmulatorClock = systemClock,
  ) {
    this.reset(config);
  }

  reset(config: EmulatorConfig): void {
    this.close();
    this.abort = new AbortController();
    this.config = config;
    this.data = buildDataset(config);
    const isStrict = config.mode === "strict";
    this.oauth = new OAuthStore(config.tokenTtlSeconds, { revokeFamilyOnReuse: isStrict });
    this.hooks = new HookStore();
    this.faults = new Faults();
    this.stats = new Stats();
    this.limiter = isStrict ? new SharedWindowLimiter(config.rateLimit, config.seed, config.backgroundRps, this.stats) : new RateLimiter(config.rateLimit);
    const deliverer = new Deliverer(config.webhookRetryDelaysMs, this.stats, this.abort.signal, this.clock);
    const strictEvents = isStrict ? { postCallDelayMs: config.postCallDelaySeconds * 1000 } : null;
    this.dispatcher = new Dispatcher(this.hooks, deliverer, this.clock, this.abort.signal, strictEvents);
    this.cursorKey = randomBytes(32);
  }

  /** Cancels pending webhook events, retries and injected hangs. */
  close(): void {
    this.abort.abort();
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }
}
