// Many callers of one process asking for the access token at the same moment and using it at Dialpad
// (refresh-across-processes.test.ts runs it in two processes at once).
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { getEnv } from "@/lib/env";
import { getDialpadAccessToken } from "../access-token";

export interface BurstResult {
  /** Dialpad's answer to each caller's request with the token it got. */
  statuses: number[];
  /** A fingerprint of each token handed out, so two processes' tokens can be compared without printing them. */
  tokenFingerprints: string[];
}

export async function useAccessTokenAtOnce(db: Db, args: { organizationId: number; callers: number; leaseMs: number }): Promise<BurstResult> {
  const results = await Promise.all(
    Array.from({ length: args.callers }, async () => {
      const token = await getDialpadAccessToken(db, args.organizationId, { leaseMs: args.leaseMs });
      const response = await fetch(`${getEnv().DIALPAD_BASE_URL}/api/v2/company`, { headers: { authorization: `Bearer ${token}` } });
      await response.body?.cancel();
      return { status: response.status, fingerprint: createHash("sha256").update(token).digest("hex").slice(0, 12) };
    }),
  );
  return { statuses: results.map((r) => r.status), tokenFingerprints: results.map((r) => r.fingerprint) };
}
