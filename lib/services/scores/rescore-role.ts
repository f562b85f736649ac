// Phase 2 of the recompute: a role's stored days rescored against baselines from stored facts.
import type { Db } from "@/db/client";
import { getRoleDayRange, listRoleDayRows, updateDayScore } from "@/db/queries/score-role-rows";
import type { Organization } from "@/db/schema";
import { addDays, type DayKey } from "@/lib/dates";
import { isWorkDay } from "@/lib/scoring/score";
import { computeRoleBaselines, getBaselineSourceRange, groupActiveDays, scoreDayValues, type RoleBaselines } from "./role-baselines";
import { yieldToEventLoop } from "./run-logged";
import { parseWorkWeek, type RoleSettings } from "./scoring-context";

/** Days rescored per transaction: with their 28-day window, a block reads at most 56 days of the role's rows. */
const BLOCK_DAYS = 28;

/** Rescores the role's stored days in each range ("all": every stored day), one short transaction per block. */
export async function rescoreRole(
  db: Db,
  organization: Organization,
  settings: RoleSettings,
  ranges: readonly { fromDay: DayKey; toDay: DayKey }[] | "all",
  now: number,
): Promise<void> {
  const all = ranges === "all" ? getRoleDayRange(db, organization.id, settings.role) : null;
  const list = ranges === "all" ? (all ? [{ fromDay: all.from, toDay: all.to }] : []) : ranges;
  for (const range of list) {
    for (let from = range.fromDay; from <= range.toDay; from = addDays(from, BLOCK_DAYS)) {
      const lastOfBlock = addDays(from, BLOCK_DAYS - 1);
      rescoreBlock(db, organization, settings, from, lastOfBlock < range.toDay ? lastOfBlock : range.toDay, now);
      await yieldToEventLoop();
    }
  }
}

function rescoreBlock(db: Db, organization: Organization, settings: RoleSettings, from: DayKey, to: DayKey, now: number): void {
  const workWeek = parseWorkWeek(organization.workWeek);
  db.$client.transaction(() => {
    const source = getBaselineSourceRange(from, to);
    const rows = listRoleDayRows(db, organization.id, settings.role, source.from, to);
    const activeByDay = groupActiveDays(rows.filter((row) => row.hasActivity));
    const baselinesByDay = new Map<DayKey, RoleBaselines>();
    for (const row of rows) {
      if (row.dayKey < from) continue;
      let baselines = baselinesByDay.get(row.dayKey);
      if (!baselines) {
        baselines = computeRoleBaselines(activeByDay, row.dayKey, settings.targets);
        baselinesByDay.set(row.dayKey, baselines);
      }
      const breakdown = scoreDayValues(row, baselines, settings.weights, isWorkDay(row.dayKey, workWeek));
      const json = JSON.stringify(breakdown);
      if (json === row.breakdown) continue;
      updateDayScore(db, row.id, { score: breakdown.score, noScoreReason: breakdown.noScoreReason, breakdown: json, computedAt: now });
    }
  }).immediate();
}
