import type { Db } from "@/db/client";
import { updateSignInThrottles } from "@/db/queries/sign-in-throttles";
import type { SignInThrottle } from "@/db/schema";

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** Failures allowed before delays begin; then the first delay, doubling with each further failure up to the cap. */
export type ThrottlePolicy = { freeFailures: number; firstDelayMs: number; maxDelayMs: number };

// One email from one address: the attacker's guesses and a user's own typos. Exactly `freeFailures`
// attempts are checked in any burst.
export const pairPolicy: ThrottlePolicy = { freeFailures: 5, firstDelayMs: 30 * second, maxDelayMs: 15 * minute };
// One address across emails (password spraying); addresses that signed in to this email before are exempt.
export const addressPolicy: ThrottlePolicy = { freeFailures: 20, firstDelayMs: 30 * second, maxDelayMs: 15 * minute };
// One email from all addresses (many addresses guessing one account). Never applies to an address that
// signed in to this email before, so strangers can only slow down sign-ins from new addresses.
export const emailPolicy: ThrottlePolicy = { freeFailures: 10, firstDelayMs: 30 * second, maxDelayMs: 15 * minute };
// A key with no failure for this long starts counting from zero again.
export const failureMemoryMs = 24 * hour;
// How long an address stays known for an email after a successful sign-in there.
export const knownAddressMs = 30 * 24 * hour;

export type SignInSource = { email: string; address: string };

export function getThrottleKeys(source: SignInSource) {
  return { pair: `pair:${source.email} ${source.address}`, address: `address:${source.address}`, email: `email:${source.email}` };
}

export function getDelayMs(policy: ThrottlePolicy, failureCount: number): number {
  if (failureCount < policy.freeFailures) return 0;
  return Math.min(policy.firstDelayMs * 2 ** Math.min(failureCount - policy.freeFailures, 30), policy.maxDelayMs);
}

function isBlocked(row: SignInThrottle | undefined, now: number): boolean {
  return row?.blockedUntil != null && row.blockedUntil > now;
}

function countFailure(key: string, row: SignInThrottle | undefined, policy: ThrottlePolicy, now: number): SignInThrottle {
  const isRemembered = row?.lastFailureAt != null && row.lastFailureAt > now - failureMemoryMs;
  const failureCount = isRemembered ? row.failureCount + 1 : 1;
  const delay = getDelayMs(policy, failureCount);
  return { key, failureCount, lastFailureAt: now, blockedUntil: delay > 0 ? now + delay : null, lastSuccessAt: row?.lastSuccessAt ?? null, updatedAt: now };
}

/** Gives back one reserved failure: the delay it started is recomputed from the count without it. */
function releaseFailure(key: string, row: SignInThrottle, policy: ThrottlePolicy, now: number): SignInThrottle {
  const failureCount = Math.max(row.failureCount - 1, 0);
  const delay = getDelayMs(policy, failureCount);
  const blockedUntil = delay > 0 && row.lastFailureAt != null ? row.lastFailureAt + delay : null;
  return { ...row, failureCount, blockedUntil, updatedAt: now };
}

/**
 * Counts this attempt as a failure before the password is checked, in one locked transaction, or
 * refuses it (false) while a delay applies; releaseSignInAttempt gives it back on success. So in a
 * parallel burst exactly the allowed number of guesses reach the password check.
 */
export async function reserveSignInAttempt(db: Db, source: SignInSource, now: number): Promise<boolean> {
  const keys = getThrottleKeys(source);
  return updateSignInThrottles(db, {
    keys: Object.values(keys),
    now,
    staleBefore: now - failureMemoryMs,
    knownBefore: now - knownAddressMs,
    decide: (current) => {
      const [pair, address, email] = [current.get(keys.pair), current.get(keys.address), current.get(keys.email)];
      const isKnownAddress = pair?.lastSuccessAt != null && pair.lastSuccessAt > now - knownAddressMs;
      if (isBlocked(pair, now) || (!isKnownAddress && (isBlocked(address, now) || isBlocked(email, now)))) return { result: false, rows: [] };
      const rows = [
        countFailure(keys.pair, pair, pairPolicy, now),
        countFailure(keys.address, address, addressPolicy, now),
        countFailure(keys.email, email, emailPolicy, now),
      ];
      return { result: true, rows };
    },
  });
}

/** The password was right: the pair starts over and remembers the address; the other counts give this attempt back. */
export async function releaseSignInAttempt(db: Db, source: SignInSource, now: number): Promise<void> {
  const keys = getThrottleKeys(source);
  await updateSignInThrottles(db, {
    keys: Object.values(keys),
    now,
    staleBefore: now - failureMemoryMs,
    knownBefore: now - knownAddressMs,
    decide: (current) => {
      const [address, email] = [current.get(keys.address), current.get(keys.email)];
      const rows: SignInThrottle[] = [
        { key: keys.pair, failureCount: 0, lastFailureAt: null, blockedUntil: null, lastSuccessAt: now, updatedAt: now },
      ];
      if (address) rows.push(releaseFailure(keys.address, address, addressPolicy, now));
      if (email) rows.push(releaseFailure(keys.email, email, emailPolicy, now));
      return { result: undefined, rows };
    },
  });
}
