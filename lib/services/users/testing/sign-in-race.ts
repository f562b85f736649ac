// Failed sign-ins for the concurrency test (sign-in-throttle.test.ts), also run in a second process.
import type { Db } from "@/db/client";
import { recordSignInFailure } from "../sign-in-throttle";

/** Records `rounds` failures for the email at once, all at the same instant. */
export async function failSignInRounds(db: Db, args: { email: string; rounds: number; now: number }): Promise<number> {
  await Promise.all(Array.from({ length: args.rounds }, () => recordSignInFailure(db, args.email, args.now)));
  return args.rounds;
}
