// Fixed-window limits per company (the default mode): an overall requests/second limit (Dialpad: 20/s per company)
// plus the per-endpoint limits the spec states that are stricter than that.

interface Window {
  start: number;
  count: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Per-minute limits from the spec that bind before the per-second one does. */
export const endpointLimitsPerMinute: Record<string, number> = {
  "GET /api/v2/call/{id}": 10,
  "POST /api/v2/webhooks": 100,
};

export class RateLimiter {
  private windows = new Map<string, Window>();

  constructor(public perSecond: number) {}

  get enabled(): boolean {
    return this.perSecond > 0;
  }

  setPerSecond(perSecond: number): void {
    this.perSecond = perSecond;
    this.windows.clear();
  }


  /** Counts one request by `companyId` on `routeKey` and says whether it may proceed. */
  check(companyId: string, routeKey: string, now = Date.now()): RateDecision {
    if (!this.enabled) return { ok: true };
    const perMinute = endpointLimitsPerMinute[routeKey];
    if (perMinute !== undefined) {
      const decision = this.hit(`${companyId}|${routeKey}`, 60_000, perMinute, now);
      if (!decision.ok) return decision;
    }
    return this.checkPerSecond(companyId, now);
  }

  /** The company-wide limit; strict mode (shared-window-limit.ts) replaces it. */
  protected checkPerSecond(companyId: string, now: number): RateDecision {
    return this.hit(companyId, 1_000, this.perSecond, now);
  }

  private hit(key: string, windowMs: number, limit: number, now: number): RateDecision {
    const start = Math.floor(now / windowMs) * windowMs;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= limit) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
    }
    window.count++;
    return { ok: true };
  }
}
