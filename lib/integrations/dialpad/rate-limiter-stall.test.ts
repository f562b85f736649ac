import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDialpadHttp } from "./http";
import { createRateLimiter } from "./rate-limiter";
import { startArrivalServer, type ArrivalServer } from "./testing/arrival-server";

let server: ArrivalServer;
beforeAll(async () => {
  server = await startArrivalServer();
});
afterAll(() => server.close());

/** Blocks the event loop, as a long synchronous database write or a CPU-heavy step does. */
function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: nothing else on this thread runs meanwhile
  }
}

function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

describe("rate limit under event-loop stalls", { timeout: 30_000 }, () => {
  it("never lets more than 20 requests reach the server in any 1-second window", async () => {
    let sent = 0;
    // The stall sits between the limiter letting a request go and fetch writing it.
    const stallingFetch: typeof fetch = (input, init) => {
      sent++;
      if (sent % 12 === 4) blockEventLoop(700);
      return fetch(input, init);
    };
    const http = createDialpadHttp({
      baseUrl: server.url,
      getAccessToken: async () => "token",
      onUnauthorized: async () => "token",
      rateLimiter: createRateLimiter(20),
      fetch: stallingFetch,
    });
    await Promise.all(Array.from({ length: 48 }, () => http.request({ method: "GET", path: "/users" })));
    const arrivals = await server.arrivals();
    expect(arrivals).toHaveLength(48);
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(20);
  });
});
