import type { Db } from "@/db/client";
import { deleteSignInAttempt, getSignInAttempt, updateSignInAttempt } from "@/db/queries/sign-in-attempts";
import type { SignInAttempt } from "@/db/schema";

export const maxSignInFailures = 5;
export const signInWindowMs = 15 * 60 * 1000;
export const signInLockMs = 15 * 60 * 1000;

export function isSignInLocked(attempt: SignInAttempt | undefined, now: number): boolean {
  return attempt?.lockedUntil != null && attempt.lockedUntil > now;
}

/** One more failure: a new window once the last one is over, and a lock at the fifth failure within it. */
export function countSignInFailure(current: SignInAttempt | undefined, email: string, now: number): SignInAttempt {
  const isSameWindow = current !== undefined && current.windowStartedAt > now - signInWindowMs && !hasLockEnded(current, now);
  const failureCount = isSameWindow ? current.failureCount + 1 : 1;
  const windowStartedAt = isSameWindow ? current.windowStartedAt : now;
  return { email, failureCount, windowStartedAt, lockedUntil: failureCount >= maxSignInFailures ? now + signInLockMs : null };
}

function hasLockEnded(attempt: SignInAttempt, now: number): boolean {
  return attempt.lockedUntil != null && attempt.lockedUntil <= now;
}

export async function isEmailLockedOut(db: Db, email: string, now: number): Promise<boolean> {
  return isSignInLocked(await getSignInAttempt(db, email), now);
}

export async function recordSignInFailure(db: Db, email: string, now: number): Promise<void> {
  await updateSignInAttempt(db, {
    email,
    now,
    staleBefore: now - signInWindowMs,
    next: (current) => countSignInFailure(current, email, now),
  });
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await deleteSignInAttempt(db, email);
}
