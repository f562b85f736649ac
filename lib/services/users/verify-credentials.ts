import type { Db } from "@/db/client";
import { getUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { signInLockedMessage } from "@/lib/sign-in-errors";
import { verifyPassword } from "./passwords";
import { clearSignInFailures, isEmailLockedOut, recordSignInFailure } from "./sign-in-throttle";

/**
 * The active user with this email and password, or null; the caller never learns which part was wrong.
 * Throws RATE_LIMITED while the email is locked after repeated failures, whether or not a user has it.
 */
export async function verifyCredentials(db: Db, email: string, password: string, now = Date.now()): Promise<User | null> {
  const normalized = email.trim().toLowerCase();
  if (normalized !== "" && (await isEmailLockedOut(db, normalized, now))) throw new AppError("RATE_LIMITED", signInLockedMessage);
  const user = normalized === "" ? undefined : await getUserByEmail(db, normalized);
  const isMatch = await verifyPassword(user?.passwordHash ?? null, password);
  const verified = user && isMatch && user.isActive ? user : null;
  if (normalized === "") return verified;
  if (verified) await clearSignInFailures(db, normalized);
  else await recordSignInFailure(db, normalized, now);
  return verified;
}
