import type { Db } from "@/db/client";
import { getEnv } from "@/lib/env";
import { createDialpadClient, getSharedRateLimiter, type DialpadClient } from "@/lib/integrations/dialpad/client";
import { getDialpadAccessToken, refreshDialpadAccessToken } from "./access-token";

// Dialpad allows 20 requests/second per company. The limiter spaces requests evenly, so 19.5/s keeps
// every 1-second window at 20 or fewer with 25 ms of jitter to spare, and uses 97.5% of the limit.
export const organizationRequestsPerSecond = 19.5;

/** A Dialpad client for one organization: stored tokens, single-flight refresh, and its company's rate limit. */
export function createDialpadClientForOrganization(db: Db, organizationId: number): DialpadClient {
  return createDialpadClient({
    baseUrl: getEnv().DIALPAD_BASE_URL,
    getAccessToken: () => getDialpadAccessToken(db, organizationId),
    onUnauthorized: (staleToken) => refreshDialpadAccessToken(db, organizationId, staleToken),
    rateLimiter: getSharedRateLimiter(`organization:${organizationId}`, organizationRequestsPerSecond),
  });
}
