// Phase 1 of the recompute: an employee's day facts and call entries from their calls.
import type { Db } from "@/db/client";
import { insertQueueRows, type QueueBatch } from "@/db/queries/score-queue";
import {
  deleteDays,
  getEmployeeScoringState,
  listAllLegs,
  listStoredDays,
  lockOrganizationScores,
  saveDayFacts,
  type DayWrite,
  type StoredLeg,
} from "@/db/queries/score-rows";
import { withTransaction } from "@/db/transaction";
import { listDayKeys, type DayKey, type LocalDayCalendar } from "@/lib/dates";
import { computeDayFactsByDay } from "@/lib/scoring/day-facts";
import { mergeRanges, planRescore, prepareDay, type RoleDayRange } from "./day-rows";
import { loadLegsForDays } from "./load-day-legs";
import type { SettleRows } from "./run-claimed";
import { getEmployeeCalendar, getRoleKey } from "./scoring-context";

const MAX_WINDOWED_DAYS = 31;

/** An instant range, both ends included: the UTC days a changed leg spans ("calls" queue rows). */
export interface TimeSpan {
  from: number;
  to: number;
}

/**
 * Every day of the employee's history, or the local days the spans touch. Spans become days inside
 * the transaction, with the employee's time zone as it is then.
 */
export type EmployeeTarget = { kind: "all" } | { kind: "spans"; spans: readonly TimeSpan[] };

/**
 * Recomputes the employee's facts for the target days in one transaction, writes only days whose
 * facts changed, deletes days no call touches any more, and queues the role days to rescore in the
 * same transaction. The organization, employee and mapping are read inside it, after the
 * organization's score lock, so a concurrent drain never writes days from an older state. The calls
 * belong to the Dialpad user the employee is mapped to now. The role rows join `batch` (the
 * recalculation this recompute is part of), if any; `settle` deletes the claimed queue rows that
 * asked for it, in the same transaction.
 */
export async function recomputeEmployee(
  db: Db,
  organizationId: number,
  employeeId: number,
  target: EmployeeTarget,
  now: number,
  batch: QueueBatch | null = null,
  settle?: SettleRows,
): Promise<void> {
  if (target.kind === "spans" && target.spans.length === 0) return;
  await withTransaction(db, async (tx) => {
    await lockOrganizationScores(tx, organizationId);
    await settle?.(tx);
    const state = await getEmployeeScoringState(tx, { organizationId, employeeId });
    if (!state) return;
    const { organization, employee, dialpadUserId, callsPurgedBefore: purgedBefore } = state;
    const calendar = getEmployeeCalendar(employee, organization);
    const targetDays = target.kind === "spans" ? listSpannedDays(target.spans, calendar) : null;
    let days: ReadonlySet<DayKey> | null = null;
    let legs: StoredLeg[] = [];
    // Many dirty days (a drain after a backfill) cost less as one read of the whole history.
    if (targetDays && targetDays.size <= MAX_WINDOWED_DAYS) {
      ({ legs, days } = dialpadUserId
        ? await loadLegsForDays(tx, { organizationId, employeeId, dialpadUserId, calendar }, targetDays)
        : { legs: [], days: targetDays });
    } else if (dialpadUserId) {
      legs = await listAllLegs(tx, organizationId, dialpadUserId);
    }
    const factsByDay = computeDayFactsByDay(legs, calendar);
    const sorted = days ? [...days].sort() : null;
    const stored = await listStoredDays(tx, { organizationId, employeeId }, sorted ? { from: sorted[0]!, to: sorted.at(-1)! } : null);
    const context = { organizationId, employeeId, role: getRoleKey(employee.title), computedAt: now };
    const legIds = new Map(legs.map((leg) => [leg.dialpadCallId, leg.id]));
    // Days up to the retention purge's cut-off lost calls to it: they keep the facts and score they were
    // given while their calls were stored.
    const lastPurgedDay = purgedBefore === null ? null : calendar.getDayKey(purgedBefore);
    const isTarget = (dayKey: DayKey) => (lastPurgedDay === null || dayKey > lastPurgedDay) && (days === null || days.has(dayKey));
    const rescore: RoleDayRange[] = [];
    const writes: DayWrite[] = [];
    const storedByDay = new Map(stored.filter((row) => isTarget(row.dayKey)).map((row) => [row.dayKey, row]));
    for (const facts of factsByDay.values()) {
      if (!isTarget(facts.dayKey)) continue;
      const before = storedByDay.get(facts.dayKey) ?? null;
      storedByDay.delete(facts.dayKey);
      const day = prepareDay(facts, context, legIds);
      if (before?.factsHash === day.row.factsHash) continue;
      writes.push(before ? day : { ...day, isNew: true });
      rescore.push(...planRescore(facts.dayKey, before, day.row));
    }
    for (const [dayKey, before] of storedByDay) rescore.push(...planRescore(dayKey, before, null));
    await saveDayFacts(tx, writes);
    await deleteDays(tx, { organizationId, employeeId }, [...storedByDay.keys()]);
    await insertQueueRows(tx, organizationId, mergeRanges(rescore).map((range) => ({ kind: "role", ...range })), batch);
  });
}

function listSpannedDays(spans: readonly TimeSpan[], calendar: LocalDayCalendar): Set<DayKey> {
  const days = new Set<DayKey>();
  for (const span of spans) {
    for (const dayKey of listDayKeys(calendar.getDayKey(span.from), calendar.getDayKey(span.to))) days.add(dayKey);
  }
  return days;
}
