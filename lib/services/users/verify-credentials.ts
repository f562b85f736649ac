import type { Db } from "@/db/client";
import { getUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { unknownClientAddress } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { signInLockedMessage } from "@/lib/sign-in-errors";
import { verifyPassword } from "./passwords";
import { releaseSignInAttempt, reserveSignInAttempt } from "./sign-in-throttle";

/**
 * The active user with this email and password, or null; the caller never learns which part was wrong.
 * `address` is the client address (lib/client-address.ts). Throws RATE_LIMITED while a sign-in delay
 * applies to this email from this address (whether or not a user has the email), before any password check.
 */
export async function verifyCredentials(
  db: Db,
  typedEmail: string,
  password: string,
  options: { address?: string; now?: number } = {},
): Promise<User | null> {
  const { address = unknownClientAddress, now = Date.now() } = options;
  const email = typedEmail.trim().toLowerCase();
  if (email === "") {
    await verifyPassword(null, password);
    return null;
  }
  const source = { email, address };
  if (!(await reserveSignInAttempt(db, source, now))) throw new AppError("RATE_LIMITED", signInLockedMessage);
  const user = await getUserByEmail(db, email);
  const isMatch = await verifyPassword(user?.passwordHash ?? null, password);
  const verified = user && isMatch && user.isActive ? user : null;
  if (verified) await releaseSignInAttempt(db, source, now);
  return verified;
}
