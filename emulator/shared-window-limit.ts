// Strict mode's company limit: a sliding 1-second window of `perSecond` requests per company, shared with
// simulated traffic from the company's other integrations. That traffic is drawn per company and second
// from the seed (Poisson arrivals at `backgroundRps`), so a client meets 429s it did not cause, and the
// same seed and clock give the same 429s.
import { Rng } from "./data/prng";
import { RateLimiter, type RateDecision } from "./rate-limit";
import type { Stats } from "./stats";

const WINDOW_MS = 1_000;

interface CompanyWindow {
  /** Instants of the requests admitted in the last second (the client's and the background's), oldest first. */
  admitted: number[];
  /** Background arrivals up to this instant have been admitted or refused. */
  simulatedUntil: number;
}

export class SharedWindowLimiter extends RateLimiter {
  private companies = new Map<string, CompanyWindow>();

  constructor(
    perSecond: number,
    private readonly seed: number,
    private readonly backgroundRps: number,
    /** Counts the background requests admitted (GET /__admin/stats). */
    private readonly stats: Pick<Stats, "backgroundRequests">,
  ) {
    super(perSecond);
  }

  override setPerSecond(perSecond: number): void {
    super.setPerSecond(perSecond);
    this.companies.clear();
  }

  /** The instants admitted in the company's current window (tests). */
  recent(companyId: string): number[] {
    return [...(this.companies.get(companyId)?.admitted ?? [])];
  }

  /** The other integrations' requests in second `second` (epoch seconds), in time order. */
  backgroundArrivals(companyId: string, second: number): number[] {
    if (this.backgroundRps <= 0) return [];
    const rng = Rng.of(this.seed, "background", companyId, second);
    const count = rng.poisson(this.backgroundRps);
    const arrivals: number[] = [];
    for (let i = 0; i < count; i++) arrivals.push(second * WINDOW_MS + rng.int(0, WINDOW_MS - 1));
    return arrivals.sort((a, b) => a - b);
  }

  protected override checkPerSecond(companyId: string, now: number): RateDecision {
    let window = this.companies.get(companyId);
    if (!window) {
      window = { admitted: [], simulatedUntil: now - WINDOW_MS };
      this.companies.set(companyId, window);
    }
    this.simulateBackground(companyId, window, now);
    prune(window, now);
    if (window.admitted.length >= this.perSecond) {
      const oldest = window.admitted[0]!;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
    }
    window.admitted.push(now);
    return { ok: true };
  }

  /** Plays the background arrivals since the last check in order; each takes a slot if the window has one. */
  private simulateBackground(companyId: string, window: CompanyWindow, now: number): void {
    const from = Math.max(window.simulatedUntil, now - WINDOW_MS);
    for (let second = Math.floor(from / WINDOW_MS); second <= Math.floor(now / WINDOW_MS); second++) {
      for (const at of this.backgroundArrivals(companyId, second)) {
        if (at <= from || at > now) continue;
        prune(window, at);
        if (window.admitted.length < this.perSecond) {
          window.admitted.push(at);
          this.stats.backgroundRequests++;
        }
      }
    }
    window.simulatedUntil = Math.max(window.simulatedUntil, now);
  }
}

function prune(window: CompanyWindow, now: number): void {
  let drop = 0;
  while (drop < window.admitted.length && window.admitted[drop]! <= now - WINDOW_MS) drop++;
  if (drop > 0) window.admitted.splice(0, drop);
}
