import { sql } from "drizzle-orm";
import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { scoreBatchUnits, scoreQueueKinds } from "../enums";
import { employees } from "./employees";
import { organizations } from "./organizations";

// Precomputed per employee-day facts and score: views read these, never raw calls. A row exists
// for every day at least one of the employee's calls touched (days without calls are scored at
// read time from stored baselines). Recomputed incrementally by lib/services/scores.
export const dailyScores = pgTable(
  "daily_scores",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: integer("employee_id").notNull(),
    /** The employee's local day, YYYY-MM-DD (lib/dates.ts). */
    dayKey: text("day_key").notNull(),
    /** The employee's role (trimmed title, "" = the default role) whose baseline and weights scored the day. */
    role: text("role").notNull(),
    /** 0–100, or null when the day has no score (see noScoreReason). */
    score: integer("score"),
    /** NoScoreReason (lib/scoring/score.ts), or "pending" for the moment between facts and score. */
    noScoreReason: text("no_score_reason"),
    talkMs: bigint("talk_ms", { mode: "number" }).notNull(),
    connectedCalls: integer("connected_calls").notNull(),
    voicemailsLeft: integer("voicemails_left").notNull(),
    voicemailsReceived: integer("voicemails_received").notNull(),
    missedCalls: integer("missed_calls").notNull(),
    notAnsweredCalls: integer("not_answered_calls").notNull(),
    /** Counted talk time or a connected call: only such days feed the role's baseline. */
    hasActivity: boolean("has_activity").notNull(),
    /** JSON ScoreBreakdown (lib/scoring/score.ts): signals, baselines, weights, points, explanation; "" while pending. */
    breakdown: text("breakdown").notNull(),
    /** Hash of the role, facts and call entries: a recompute that finds the same hash writes nothing. */
    factsHash: text("facts_hash").notNull(),
    computedAt: bigint("computed_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "daily_scores_pkey", columns: [t.organizationId, t.id] }),
    foreignKey({ name: "daily_scores_employee_fk", columns: [t.organizationId, t.employeeId], foreignColumns: [employees.organizationId, employees.id] }).onDelete("cascade"),
    uniqueIndex("daily_scores_employee_day_uq").on(t.organizationId, t.employeeId, t.dayKey),
    // The team page: every visible employee's row for one day.
    index("daily_scores_org_day_idx").on(t.organizationId, t.dayKey),
    // Baselines: a role's days in the trailing window. Covers the facts a baseline reads, so a rescore
    // reads the window from the index alone instead of one table row per employee-day.
    index("daily_scores_org_role_day_idx").on(t.organizationId, t.role, t.dayKey, t.hasActivity, t.employeeId, t.talkMs, t.connectedCalls),
  ],
);

// Each call leg's share of an employee-day: counted time, its non-overlapping contribution, and why.
export const callDayEntries = pgTable(
  "call_day_entries",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    employeeId: integer("employee_id").notNull(),
    dayKey: text("day_key").notNull(),
    /** calls.id without a foreign key: see the comment on the unique index. */
    callId: integer("call_id").notNull(),
    /** CallClassification kind (lib/calls/rules.ts). */
    kind: text("kind").notNull(),
    countedMs: bigint("counted_ms", { mode: "number" }).notNull(),
    contributionMs: bigint("contribution_ms", { mode: "number" }).notNull(),
    isFlagged: boolean("is_flagged").notNull(),
    isStartDay: boolean("is_start_day").notNull(),
    countsAsConnectedCall: boolean("counts_as_connected_call").notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    primaryKey({ name: "call_day_entries_pkey", columns: [t.organizationId, t.id] }),
    foreignKey({ name: "call_day_entries_employee_fk", columns: [t.organizationId, t.employeeId], foreignColumns: [employees.organizationId, employees.id] }).onDelete("cascade"),
    // The only index: the recompute writes entries employee by employee and day by day, so it grows in
    // order. No index or foreign key by call_id (each was a random read or write per entry at 10 M legs):
    // readers find a call's entries by employee and day, and whoever deletes calls deletes their entries
    // in the same transaction (db/queries/call-entry-keys.ts).
    uniqueIndex("call_day_entries_uq").on(t.organizationId, t.employeeId, t.dayKey, t.callId),
  ],
);

// Score weights and default targets per role (the employee's title; "" = the default role, which
// every role without its own row uses).
export const scoreSettings = pgTable(
  "score_settings",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    talkTimeWeight: integer("talk_time_weight").notNull(),
    connectedCallsWeight: integer("connected_calls_weight").notNull(),
    defaultTalkTimeTargetMs: bigint("default_talk_time_target_ms", { mode: "number" }).notNull(),
    defaultConnectedCallsTarget: integer("default_connected_calls_target").notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "score_settings_pkey", columns: [t.organizationId, t.id] }),
    uniqueIndex("score_settings_org_role_uq").on(t.organizationId, t.role),
  ],
);

// Work for the score recompute, written in the same transaction as the change that causes it:
// "calls" rows by SQLite triggers on calls (see the add_scores migration), "employee" rows
// (recompute every day of an employee) by mapping and time-zone changes, "role" rows (rescore a
// role's days, null = all) by settings changes and by the recompute itself. Drained by
// drainScoreQueue, which claims rows by id and deletes only the ids it claimed once their work is committed,
// so a crash (or a lapsed claim) redoes it.
// No foreign keys: triggers fire while an organization's calls cascade away.
export const scoreRecomputeQueue = pgTable(
  "score_recompute_queue",
  {
    // Ids never reuse (AUTOINCREMENT / identity): a drain deletes exactly the ids it claimed.
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id").notNull(),
    kind: text("kind", { enum: scoreQueueKinds }).notNull(),
    dialpadUserId: text("dialpad_user_id"),
    employeeId: integer("employee_id"),
    role: text("role"),
    /** "calls": the UTC days the changed legs span, as [from_ms, to_ms] (first and last ms of those days). */
    fromMs: bigint("from_ms", { mode: "number" }),
    toMs: bigint("to_ms", { mode: "number" }),
    /** "role": the days to rescore, both included; null = every stored day of the role. */
    fromDay: text("from_day"),
    toDay: text("to_day"),
    /** Taken by a running drain: changes after that need a row of their own. */
    isClaimed: boolean("is_claimed").notNull().default(false),
    /** A claim lapses at this instant (its drain died): another drain may take the row. Null on rows claimed before leases. */
    claimedUntil: bigint("claimed_until", { mode: "number" }),
    /** Failed tries so far; a row whose work fails waits until nextAttemptAt, and after the last try is kept with failedAt. */
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: bigint("next_attempt_at", { mode: "number" }),
    /** Failed on its last try: kept (never claimed again) and shown on the Settings page until an admin retries it. */
    failedAt: bigint("failed_at", { mode: "number" }),
    /**
     * A recalculation a settings change asked for, for its "N of M" progress: every row it queued
     * (and the role rows those queue) carries its id, its size and its unit; rows of the unit's kind count.
     */
    batchId: text("batch_id"),
    batchTotal: integer("batch_total"),
    batchUnit: text("batch_unit", { enum: scoreBatchUnits }),
  },
  (t) => [
    primaryKey({ name: "score_recompute_queue_pkey", columns: [t.organizationId, t.id] }),
    index("score_recompute_queue_org_idx").on(t.organizationId, t.id),
    // Progress of running recalculations: few rows carry a batch, among possibly many calls rows.
    index("score_recompute_queue_batch_idx").on(t.organizationId, t.batchId).where(sql`batch_id IS NOT NULL`),
    // The triggers insert only when no unclaimed row has the same span: a backfill's many legs of one
    // user and day queue one row, not thousands. (Not UNIQUE + OR IGNORE: an upsert firing a trigger
    // overrides the trigger's conflict clause.)
    index("score_recompute_queue_calls_idx")
      .on(t.organizationId, t.dialpadUserId, t.fromMs, t.toMs)
      .where(sql`kind = 'calls' AND is_claimed = false`),
  ],
);
