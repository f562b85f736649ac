import type { Db } from "@/db/client";
import { getUserByEmail } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { verifyPassword } from "./passwords";

/** The active user with this email and password, or null; the caller never learns which part was wrong. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<User | null> {
  const normalized = email.trim().toLowerCase();
  const user = normalized === "" ? undefined : await getUserByEmail(db, normalized);
  const isMatch = await verifyPassword(user?.passwordHash ?? null, password);
  return user && isMatch && user.isActive ? user : null;
}
