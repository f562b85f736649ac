// The read model of one employee-day's score, from a stored row or for a day without calls.
import type { DailyScore } from "@/db/schema";
import type { DayKey } from "@/lib/dates";
import type { CallFreeScore } from "@/lib/scoring/call-free-score";
import type { NoScoreReason, ScoreBreakdown } from "@/lib/scoring/score";

export interface DayScore {
  employeeId: number;
  dayKey: DayKey;
  /** The role whose baseline and weights scored the day ("" = the default role). */
  role: string;
  /** A stored row: at least one call touched the day. Otherwise no call did and the day was scored from stored baselines. */
  isStored: boolean;
  /** The facts are stored and the score is being recomputed (breakdown is null meanwhile). */
  isPending: boolean;
  /** After the employee's current local day: nothing to score yet. */
  isFuture: boolean;
  score: number | null;
  noScoreReason: NoScoreReason | null;
  talkMs: number;
  connectedCalls: number;
  voicemailsLeft: number;
  voicemailsReceived: number;
  missedCalls: number;
  notAnsweredCalls: number;
  hasActivity: boolean;
  breakdown: ScoreBreakdown | null;
  computedAt: number | null;
}

const emptyFacts = {
  talkMs: 0, connectedCalls: 0, voicemailsLeft: 0, voicemailsReceived: 0, missedCalls: 0, notAnsweredCalls: 0,
  hasActivity: false,
};

export function toStoredDayScore(row: DailyScore): DayScore {
  const isPending = row.breakdown === "";
  return {
    employeeId: row.employeeId,
    dayKey: row.dayKey,
    role: row.role,
    isStored: true,
    isPending,
    isFuture: false,
    score: row.score,
    noScoreReason: isPending ? null : (row.noScoreReason as NoScoreReason | null),
    talkMs: row.talkMs,
    connectedCalls: row.connectedCalls,
    voicemailsLeft: row.voicemailsLeft,
    voicemailsReceived: row.voicemailsReceived,
    missedCalls: row.missedCalls,
    notAnsweredCalls: row.notAnsweredCalls,
    hasActivity: row.hasActivity,
    breakdown: isPending ? null : (JSON.parse(row.breakdown) as ScoreBreakdown),
    computedAt: row.computedAt,
  };
}

/** A day's score without its breakdown, for views that show the score alone (the trend). */
export type DayScoreSummary = Omit<DayScore, "breakdown" | "computedAt">;

/** A day no call touched: zero facts, scored (or not) by `callFree`; null for a future day. */
export function buildCallFreeDaySummary(
  params: { employeeId: number; dayKey: DayKey; role: string },
  callFree: CallFreeScore | null,
): DayScoreSummary {
  return {
    ...params,
    ...emptyFacts,
    isStored: false,
    isPending: false,
    isFuture: callFree === null,
    score: callFree?.score ?? null,
    noScoreReason: callFree?.noScoreReason ?? null,
  };
}

/** buildCallFreeDaySummary with the day's breakdown (its baselines and points); null for a future day. */
export function buildCallFreeDayScore(
  params: { employeeId: number; dayKey: DayKey; role: string },
  breakdown: ScoreBreakdown | null,
): DayScore {
  return { ...buildCallFreeDaySummary(params, breakdown), breakdown, computedAt: null };
}
