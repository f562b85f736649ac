// A mapping writer for the concurrency test (db/queries/mapping.test.ts), also run in a second process.
import type { Db } from "@/db/client";
import { updateMapping, type LinkChange, type MappingSnapshot } from "@/db/queries/mapping";

export type MoveUserArgs = { organizationId: number; dialpadUserId: string; employeeIds: number[]; rounds: number; offset: number };

/**
 * Runs `rounds` mapping updates at once; round r links the Dialpad user by hand to employee
 * (r + offset) mod n and unlinks whoever held it. Returns how many link changes were written.
 */
export async function moveUserRounds(db: Db, args: MoveUserArgs): Promise<number> {
  const counts = await Promise.all(
    Array.from({ length: args.rounds }, (_, round) => {
      const target = args.employeeIds[(round + args.offset) % args.employeeIds.length]!;
      return updateMapping(
        db,
        args.organizationId,
        (snapshot) => {
          const changes = planMove(snapshot, args.dialpadUserId, target);
          return { changes, value: changes.length };
        },
        Date.now(),
      );
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

function planMove(snapshot: MappingSnapshot, dialpadUserId: string, target: number): LinkChange[] {
  const holder = snapshot.links.find((link) => link.dialpadUserId === dialpadUserId);
  if (holder?.employeeId === target) return [];
  const current = snapshot.links.find((link) => link.employeeId === target);
  const actor = { actorUserId: null, actorName: "Race test", reason: "moved" };
  const changes: LinkChange[] = [];
  if (holder) {
    changes.push({
      employeeId: holder.employeeId,
      next: null,
      event: { fromDialpadUserId: dialpadUserId, fromMethod: holder.method, toDialpadUserId: null, toMethod: null, ...actor },
    });
  }
  changes.push({
    employeeId: target,
    next: { dialpadUserId, method: "manual", matchedValue: null },
    event: {
      fromDialpadUserId: current?.dialpadUserId ?? null,
      fromMethod: current?.method ?? null,
      toDialpadUserId: dialpadUserId,
      toMethod: "manual",
      ...actor,
    },
  });
  return changes;
}
