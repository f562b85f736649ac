// Phase 1 of the recompute: an employee's day facts and call entries from their calls.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertQueueRows } from "@/db/queries/score-queue";
import { deleteDay, listAllLegs, listStoredDays, saveDayFacts, type StoredLeg } from "@/db/queries/score-rows";
import { employeeDialpadLinks, employees, type Organization } from "@/db/schema";
import type { DayKey } from "@/lib/dates";
import { computeDayFactsByDay } from "@/lib/scoring/day-facts";
import { mergeRanges, planRescore, prepareDay, type RoleDayRange } from "./day-rows";
import { loadLegsForDays } from "./load-day-legs";
import { getEmployeeCalendar, getRoleKey } from "./scoring-context";

const MAX_WINDOWED_DAYS = 31;

/** Every day of the employee's history, or some days (as the employee's local day keys). */
export type EmployeeTarget = { kind: "all" } | { kind: "days"; days: ReadonlySet<DayKey> };

/**
 * Recomputes the employee's facts for the target days in one synchronous transaction, writes only
 * days whose facts changed, deletes days no call touches any more, and queues the role days to
 * rescore in the same transaction. The calls belong to the Dialpad user the employee is mapped to now.
 */
export function recomputeEmployee(
  db: Db,
  organization: Organization,
  employeeId: number,
  target: EmployeeTarget,
  now: number,
): void {
  db.$client.transaction(() => {
    const employee = db.select().from(employees)
      .where(and(eq(employees.organizationId, organization.id), eq(employees.id, employeeId))).get();
    if (!employee) return;
    const link = db.select({ dialpadUserId: employeeDialpadLinks.dialpadUserId }).from(employeeDialpadLinks)
      .where(and(eq(employeeDialpadLinks.organizationId, organization.id), eq(employeeDialpadLinks.employeeId, employeeId))).get();
    const dialpadUserId = link?.dialpadUserId ?? null;
    const calendar = getEmployeeCalendar(employee, organization);
    let days: ReadonlySet<DayKey> | null = null;
    let legs: StoredLeg[] = [];
    // Many dirty days (a drain after a backfill) cost less as one read of the whole history.
    if (target.kind === "days" && target.days.size <= MAX_WINDOWED_DAYS) {
      if (target.days.size === 0) return;
      ({ legs, days } = dialpadUserId
        ? loadLegsForDays(db, { organizationId: organization.id, employeeId, dialpadUserId, calendar }, target.days)
        : { legs: [], days: target.days });
    } else if (dialpadUserId) {
      legs = listAllLegs(db, organization.id, dialpadUserId);
    }
    const factsByDay = computeDayFactsByDay(legs, calendar);
    const sorted = days ? [...days].sort() : null;
    const stored = listStoredDays(db, employeeId, sorted ? { from: sorted[0]!, to: sorted.at(-1)! } : null);
    const context = { organizationId: organization.id, employeeId, role: getRoleKey(employee.title), computedAt: now };
    const legIds = new Map(legs.map((leg) => [leg.dialpadCallId, leg.id]));
    const isTarget = (dayKey: DayKey) => days === null || days.has(dayKey);
    const rescore: RoleDayRange[] = [];
    const storedByDay = new Map(stored.filter((row) => isTarget(row.dayKey)).map((row) => [row.dayKey, row]));
    for (const facts of factsByDay.values()) {
      if (!isTarget(facts.dayKey)) continue;
      const before = storedByDay.get(facts.dayKey) ?? null;
      storedByDay.delete(facts.dayKey);
      const day = prepareDay(facts, context, legIds);
      if (before?.factsHash === day.row.factsHash) continue;
      saveDayFacts(db, day.row, day.entries);
      rescore.push(...planRescore(facts.dayKey, before, day.row));
    }
    for (const [dayKey, before] of storedByDay) {
      deleteDay(db, employeeId, dayKey);
      rescore.push(...planRescore(dayKey, before, null));
    }
    insertQueueRows(db, organization.id, mergeRanges(rescore).map((range) => ({ kind: "role", ...range })));
  }).immediate();
}
