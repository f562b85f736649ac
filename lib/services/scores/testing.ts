// Test helpers: store legs through the sync's upsert (so the triggers queue them), map employees
// through the mapping query (which queues their recompute), and read stored rows back in a stable shape.
import type { Db } from "@/db/client";
import { deleteCallByDialpadId, upsertCallRows } from "@/db/queries/calls";
import { updateMapping } from "@/db/queries/mapping";
import { listDailyScores, listDayCallEntries, listOrganizationScores } from "@/db/queries/scores";
import type { Employee } from "@/db/schema";
import { withTransaction } from "@/db/transaction";
import { buildCallLeg } from "@/lib/calls/build-call-leg";
import type { CallLeg } from "@/lib/calls/types";
import type { ScoreBreakdown } from "@/lib/scoring/score";

let stamp = 1_000;
export const utc = (iso: string) => Date.parse(iso);
export const MIN = 60_000;

export type LegInput = Partial<CallLeg> & Pick<CallLeg, "dialpadCallId" | "startedAt">;

/** Builds and upserts legs in one transaction (a newer eventTimestamp than any stored one, so updates apply). */
export async function storeLegs(db: Db, organizationId: number, legs: LegInput[]): Promise<CallLeg[]> {
  const built = legs.map((overrides) => buildCallLeg({ eventTimestamp: ++stamp, ...overrides }));
  const rows = built.map((leg) => ({ leg, raw: { call_id: leg.dialpadCallId } }));
  const writeStamp = ++stamp;
  await withTransaction(db, (tx) => upsertCallRows(tx, organizationId, rows, writeStamp));
  return built;
}

export async function deleteLeg(db: Db, organizationId: number, dialpadCallId: string): Promise<void> {
  await deleteCallByDialpadId(db, organizationId, dialpadCallId);
}

/**
 * Maps (or with null unmaps) the employee through the mapping query, without the mapping service:
 * like every mapping change, it queues a recompute of the employee's days in the same transaction.
 */
export async function linkEmployee(db: Db, employee: Employee, dialpadUserId: string | null): Promise<void> {
  await updateMapping(
    db,
    employee.organizationId,
    () => ({
      changes: [{
        employeeId: employee.id,
        next: dialpadUserId === null ? null : { dialpadUserId, method: "manual", matchedValue: null },
        event: {
          fromDialpadUserId: null, fromMethod: null, toDialpadUserId: dialpadUserId, toMethod: dialpadUserId === null ? null : "manual",
          actorUserId: null, actorName: "Test arrangement", reason: dialpadUserId === null ? "Unmapped by a test" : "Mapped by a test",
        },
      }],
      value: undefined,
    }),
    Date.now(),
  );
}

const wholeHistory = { from: "0000-01-01", to: "9999-12-31" };

export async function readDays(db: Db, employee: Employee) {
  const rows = await listDailyScores(db, { organizationId: employee.organizationId, employeeIds: [employee.id], ...wholeHistory });
  return rows.map((row) => ({ ...row, breakdown: row.breakdown === "" ? null : (JSON.parse(row.breakdown) as ScoreBreakdown) }));
}

export async function readDay(db: Db, employee: Employee, dayKey: string) {
  return (await readDays(db, employee)).find((row) => row.dayKey === dayKey);
}

/** [dialpadCallId, kind, countedMs / 1000, contributionMs / 1000, countsAsConnectedCall] per entry, by start time. */
export async function readEntries(db: Db, employee: Employee, dayKey: string) {
  const entries = await listDayCallEntries(db, { organizationId: employee.organizationId, employeeId: employee.id, dayKey });
  return entries.map((e) => [e.dialpadCallId, e.kind, e.countedMs / 1000, e.contributionMs / 1000, e.countsAsConnectedCall]);
}

/** Every stored score row and entry of the organization without ids or timestamps, for comparing recomputes. */
export async function snapshotScores(db: Db, organizationId: number) {
  const { days, entries } = await listOrganizationScores(db, organizationId);
  return {
    days: days.map((row) => ({ ...row, id: 0, computedAt: 0 })),
    entries: entries.map((entry) => ({ ...entry, id: 0 })),
  };
}
