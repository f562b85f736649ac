// When to refresh an access token before it expires. A fixed 5-minute margin refreshes a 60-second token
// before every request; a margin proportional to the token's lifetime refreshes it about once per lifetime.

const marginShare = 0.1;
const minMarginMs = 10_000;
const maxMarginMs = 5 * 60_000;

/**
 * A tenth of the lifetime, kept between 10 s (room for one slow request) and 5 minutes, and never more than
 * half the lifetime: 1 h → 5 min, 10 min → 60 s, 60 s → 10 s, 10 s → 5 s.
 */
export function refreshMarginMs(lifetimeMs: number): number {
  if (!(lifetimeMs > 0)) return 0;
  return Math.min(maxMarginMs, Math.max(minMarginMs, lifetimeMs * marginShare), lifetimeMs / 2);
}

/**
 * Whether a stored access token can still be used at `now`. `issuedAt` is when it was obtained (the last
 * refresh, or the connection time for the first token); without it the lifetime is taken as unknown and the
 * largest margin applies.
 */
export function isAccessTokenFresh(token: { expiresAt: number | null; issuedAt: number | null }, now: number): boolean {
  if (token.expiresAt === null) return false;
  const lifetimeMs = token.issuedAt === null ? Number.POSITIVE_INFINITY : token.expiresAt - token.issuedAt;
  return token.expiresAt - refreshMarginMs(lifetimeMs) > now;
}
