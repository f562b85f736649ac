// Phase 2 of the recompute: a role's stored days rescored against baselines from stored facts.
import type { Db } from "@/db/client";
import {
  getRoleDayRange,
  getRoleScoringState,
  listRoleWindow,
  updateDayScores,
  type DayScoreUpdate,
  type RoleDayRow,
} from "@/db/queries/score-role-rows";
import { lockOrganizationScores } from "@/db/queries/score-rows";
import { withTransaction } from "@/db/transaction";
import { addDays, type DayKey } from "@/lib/dates";
import { isWorkDay } from "@/lib/scoring/score";
import { computeRoleBaselinesForDays, getBaselineSourceRange, groupActiveDays, scoreDayValues } from "./role-baselines";
import type { SettleRows } from "./run-claimed";
import { yieldToEventLoop } from "./run-logged";
import { parseWorkWeek, resolveRoleSettings } from "./scoring-context";

/**
 * Days rescored per transaction: a new call's range (its day and the 28 days its activity feeds) is
 * one block. A block reads its days' rows whole and the 28 days before them as activity only.
 */
const BLOCK_DAYS = 29;

/**
 * Rescores the role's stored days in each range ("all": every stored day), one short transaction per
 * block; `settle` deletes the claimed queue rows that asked for it in the last block's transaction.
 */
export async function rescoreRole(
  db: Db,
  organizationId: number,
  role: string,
  ranges: readonly { fromDay: DayKey; toDay: DayKey }[] | "all",
  now: number,
  settle?: SettleRows,
): Promise<void> {
  const all = ranges === "all" ? await getRoleDayRange(db, organizationId, role) : null;
  const list = ranges === "all" ? (all ? [{ fromDay: all.from, toDay: all.to }] : []) : ranges;
  const blocks: { from: DayKey; to: DayKey }[] = [];
  for (const range of list) {
    for (let from = range.fromDay; from <= range.toDay; from = addDays(from, BLOCK_DAYS)) {
      const lastOfBlock = addDays(from, BLOCK_DAYS - 1);
      blocks.push({ from, to: lastOfBlock < range.toDay ? lastOfBlock : range.toDay });
    }
  }
  for (const [index, { from, to }] of blocks.entries()) {
    // The queue rows go with the last block: a failure before it leaves them to be tried again.
    const block = { from, to, isSampled: ranges !== "all" };
    await rescoreBlock(db, organizationId, role, block, now, index === blocks.length - 1 ? settle : undefined);
    await yieldToEventLoop();
  }
}

/**
 * The organization's work week and the role's settings are read inside the transaction, after the
 * organization's score lock: a drain that started before a settings change never writes its scores
 * over those of the drain the change queued.
 *
 * Sampled (ranges queued by changed facts; settings and hidden people queue "all"): a day's scored rows
 * all carry the day's baselines and weights, and a row whose signals change is made pending
 * (score-rows.ts), so when the day's sample row scores the same as stored, so do its other scored rows,
 * and only its pending rows are written. A new call that moves no baseline rewrites its own day alone.
 */
async function rescoreBlock(
  db: Db,
  organizationId: number,
  role: string,
  { from, to, isSampled }: { from: DayKey; to: DayKey; isSampled: boolean },
  now: number,
  settle?: SettleRows,
): Promise<void> {
  await withTransaction(db, async (tx) => {
    await lockOrganizationScores(tx, organizationId);
    await settle?.(tx);
    const state = await getRoleScoringState(tx, organizationId, role);
    if (!state) return;
    const settings = resolveRoleSettings(state.settings, role);
    const workWeek = parseWorkWeek(state.organization.workWeek);
    const range = { sourceFrom: getBaselineSourceRange(from, to).from, from, to, isSampled };
    const { before, rows } = await listRoleWindow(tx, organizationId, role, range);
    // Hidden people are left out of everyone's baseline (their own days are still scored).
    const isPeer = (row: { isHidden: boolean }) => !row.isHidden;
    const activeByDay = groupActiveDays([...before.filter(isPeer), ...rows.filter((row) => row.hasActivity && isPeer(row))]);
    const baselinesByDay = computeRoleBaselinesForDays(activeByDay, from, to, settings.targets);
    const isWorkDayByDay = new Map([...baselinesByDay.keys()].map((dayKey) => [dayKey, isWorkDay(dayKey, workWeek)]));
    const updates: DayScoreUpdate[] = [];
    const movedDays = new Set<DayKey>();
    const rescore = (row: RoleDayRow) => {
      const breakdown = scoreDayValues(row, baselinesByDay.get(row.dayKey)!, settings.weights, isWorkDayByDay.get(row.dayKey)!);
      const json = JSON.stringify(breakdown);
      if (json === row.breakdown) return;
      if (row.breakdown) movedDays.add(row.dayKey);
      updates.push({ id: row.id, score: breakdown.score, noScoreReason: breakdown.noScoreReason, breakdown: json, computedAt: now });
    };
    for (const row of rows) if (row.breakdown !== null) rescore(row);
    for (const row of rows) if (row.breakdown === null && movedDays.has(row.dayKey)) rescore(row);
    await updateDayScores(tx, organizationId, updates);
  });
}
