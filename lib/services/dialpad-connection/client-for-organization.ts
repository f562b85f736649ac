import type { Db } from "@/db/client";
import { getEnv } from "@/lib/env";
import { createDialpadClient, getSharedRateLimiter, type DialpadClient } from "@/lib/integrations/dialpad/client";
import { getDialpadAccessToken, refreshDialpadAccessToken } from "./access-token";

/** A Dialpad client for one organization: stored tokens, single-flight refresh, and its company's rate limit. */
export function createDialpadClientForOrganization(db: Db, organizationId: number): DialpadClient {
  return createDialpadClient({
    baseUrl: getEnv().DIALPAD_BASE_URL,
    getAccessToken: () => getDialpadAccessToken(db, organizationId),
    onUnauthorized: (staleToken) => refreshDialpadAccessToken(db, organizationId, staleToken),
    rateLimiter: getSharedRateLimiter(`organization:${organizationId}`),
  });
}
