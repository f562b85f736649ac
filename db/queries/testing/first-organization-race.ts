// First-run set-ups for the concurrency test (db/queries/organizations.test.ts), also run in a second process.
import type { Db } from "@/db/client";
import { insertFirstOrganization } from "@/db/queries/organizations";

/** Tries `rounds` first-run set-ups at once, each with its own domain; returns how many created an organization. */
export async function setUpFirstOrganizationRounds(db: Db, args: { tag: string; rounds: number }): Promise<number> {
  const results = await Promise.all(
    Array.from({ length: args.rounds }, (_, round) => {
      const domain = `${args.tag}-${round}.test`;
      return insertFirstOrganization(
        db,
        { name: domain, domain, timezone: "UTC", createdAt: Date.now() },
        { name: "Admin", email: `admin@${domain}`, passwordHash: "not-a-real-hash", role: "admin", createdAt: Date.now() },
      );
    }),
  );
  return results.filter((result) => result !== null).length;
}
