import {
  DialpadForbiddenError,
  DialpadNotFoundError,
  DialpadRequestError,
  DialpadTransientError,
  DialpadUnauthorizedError,
} from "./errors";
import { parseJsonExact } from "./exact-json";
import { createRateLimiter, type RateLimiter } from "./rate-limiter";
import { backoffDelayMs, parseRetryAfterMs, systemClock, type Clock } from "./retry";
import { dialpadErrorBodySchema } from "./schema";

export interface DialpadHttpOptions {
  /** Dialpad host root (DIALPAD_BASE_URL); requests go to <baseUrl>/api/v2/… */
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  /** Called once per request on a 401 with the token Dialpad refused; returns a fresh one (single-flight lives in the caller). */
  onUnauthorized: (staleToken: string) => Promise<string>;
  rateLimiter?: RateLimiter;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxAttempts?: number;
  /** A longer Retry-After is not slept through: the request fails as transient with retryAfterMs. */
  maxRetryAfterMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  clock?: Clock;
  random?: () => number;
}

export interface DialpadClientStats {
  requests: number;
  retries: number;
  rateLimited: number;
  timeouts: number;
  tokenRefreshes: number;
}

export interface DialpadRequest {
  method: "GET" | "POST" | "DELETE";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

interface Failure {
  message: string;
  status: number | null;
  retryAfterMs: number | null;
  cause?: unknown;
}

export function createDialpadHttp(options: DialpadHttpOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const limiter = options.rateLimiter ?? createRateLimiter();
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const backoff = { baseMs: options.backoffBaseMs ?? 500, maxMs: options.backoffMaxMs ?? 30_000, random: options.random ?? Math.random };
  const apiBase = `${options.baseUrl.replace(/\/+$/, "")}/api/v2`;
  const stats: DialpadClientStats = { requests: 0, retries: 0, rateLimited: 0, timeouts: 0, tokenRefreshes: 0 };

  async function request(spec: DialpadRequest): Promise<unknown> {
    const url = new URL(`${apiBase}${spec.path}`);
    for (const [key, value] of Object.entries(spec.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const label = `${spec.method} ${spec.path}`;
    // A POST that may have reached Dialpad is not repeated (it could create a second webhook).
    const isIdempotent = spec.method !== "POST";
    let token = await options.getAccessToken();
    let hasRefreshed = false;

    for (let attempt = 1; ; attempt++) {
      const outcome = await send(url, spec, token, label);
      if (outcome.kind === "ok") return outcome.body;
      if (outcome.kind === "unauthorized") {
        if (hasRefreshed) throw new DialpadUnauthorizedError(label);
        hasRefreshed = true;
        stats.tokenRefreshes++;
        token = await options.onUnauthorized(token);
        attempt--;
        continue;
      }
      const { failure } = outcome;
      const mayRetry = isIdempotent || failure.status === 429;
      const tooLong = failure.retryAfterMs !== null && failure.retryAfterMs > maxRetryAfterMs;
      if (!mayRetry || tooLong || attempt >= maxAttempts) {
        throw new DialpadTransientError(failure.message, failure.status, failure.retryAfterMs, { cause: failure.cause });
      }
      stats.retries++;
      await clock.sleep(failure.retryAfterMs ?? backoffDelayMs(attempt, backoff));
    }
  }

  type Outcome = { kind: "ok"; body: unknown } | { kind: "unauthorized" } | { kind: "retryable"; failure: Failure };

  async function send(url: URL, spec: DialpadRequest, token: string, label: string): Promise<Outcome> {
    const permit = await limiter.acquire();
    stats.requests++;
    try {
      const response = await fetchImpl(url, {
        method: spec.method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json",
          ...(spec.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: clock.timeout?.(timeoutMs) ?? AbortSignal.timeout(timeoutMs),
      });
      // Headers are in, so the request has left: the limiter stops counting it a second from now.
      permit.release();
      if (response.status === 401) {
        await response.body?.cancel();
        return { kind: "unauthorized" };
      }
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel();
        const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"), clock.now());
        if (response.status === 429) {
          stats.rateLimited++;
          // Never caused by our own pace (the limiter keeps every window within the limit): another
          // integration of the company spends the budget, so slow down for a while (AIMD).
          permit.reportRateLimited(retryAfterMs);
        }
        return { kind: "retryable", failure: { message: `Dialpad answered ${label} with HTTP ${response.status}.`, status: response.status, retryAfterMs } };
      }
      const text = await response.text();
      if (!response.ok) throw errorForStatus(response.status, spec.path, readDialpadMessage(text, token));
      if (text.trim() === "") return { kind: "ok", body: undefined };
      try {
        return { kind: "ok", body: parseJsonExact(text) };
      } catch {
        // A truncated body is usually a dropped connection: worth another try.
        return { kind: "retryable", failure: { message: `Dialpad sent an unreadable body for ${label}.`, status: response.status, retryAfterMs: null } };
      }
    } catch (error) {
      if (!(error instanceof Error) || !isNetworkError(error)) throw error;
      const isTimeout = error.name === "TimeoutError";
      if (isTimeout) stats.timeouts++;
      const message = isTimeout ? `Dialpad did not answer ${label} within ${timeoutMs} ms.` : `Could not reach Dialpad for ${label}.`;
      return { kind: "retryable", failure: { message, status: null, retryAfterMs: null, cause: error } };
    } finally {
      permit.release();
    }
  }

  return { request, stats: (): DialpadClientStats => ({ ...stats }) };
}

// Inside send() only fetch and body reads can throw these: undici reports refused connections as
// TypeError("fetch failed") and a connection dropped mid-body as TypeError("terminated").
function isNetworkError(error: Error): boolean {
  return error.name === "TimeoutError" || error.name === "AbortError" || error instanceof TypeError;
}

function errorForStatus(status: number, path: string, dialpadMessage: string | null) {
  if (status === 403) return new DialpadForbiddenError(path, dialpadMessage);
  if (status === 404) return new DialpadNotFoundError(path);
  return new DialpadRequestError(status, path, dialpadMessage);
}

/** Dialpad's own error text, truncated and with the access token redacted. */
function readDialpadMessage(text: string, token: string): string | null {
  let message: string | null | undefined;
  try {
    message = dialpadErrorBodySchema.safeParse(JSON.parse(text)).data?.error.message;
  } catch {
    return null;
  }
  if (!message) return null;
  return message.split(token).join("[redacted]").slice(0, 200);
}
