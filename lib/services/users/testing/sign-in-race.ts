// Parallel sign-ins for the concurrency test (sign-in-throttle.test.ts), also run in a second process.
import type { Db } from "@/db/client";
import { isAppError } from "@/lib/errors";
import { verifyCredentials } from "../verify-credentials";

export type BurstOutcome = { checked: number; refused: number; signedIn: number };

/** Tries `rounds` sign-ins at once, all at the same instant, and counts how each ended. */
export async function trySignInBurst(
  db: Db,
  args: { email: string; password: string; address: string; rounds: number; now: number },
): Promise<BurstOutcome> {
  const outcomes = await Promise.all(
    Array.from({ length: args.rounds }, () =>
      verifyCredentials(db, args.email, args.password, { address: args.address, now: args.now }).then(
        (user) => (user ? "signedIn" : "checked"),
        (error: unknown) => {
          if (isAppError(error) && error.code === "RATE_LIMITED") return "refused";
          throw error;
        },
      ),
    ),
  );
  const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
  return { checked: count("checked"), refused: count("refused"), signedIn: count("signedIn") };
}
