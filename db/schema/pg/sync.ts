import { sql } from "drizzle-orm";
import { bigint, boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { defaultSyncSettings, syncRecordSources, syncRunKinds, syncRunStatuses, syncRunTriggers } from "../enums";
import { organizations } from "./organizations";

// One row per sync run. The checkpoint (window_end + cursor) and the counters are updated in the
// same transaction as the page of calls they cover, so a killed run resumes exactly where it stopped.
// Windows walk back from range_end to range_start, one day at a time: window = [max(range_start, window_end − 1 day), window_end).
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: syncRunKinds }).notNull(),
    trigger: text("trigger", { enum: syncRunTriggers }).notNull(),
    status: text("status", { enum: syncRunStatuses }).notNull(),
    rangeStart: bigint("range_start", { mode: "number" }).notNull(),
    rangeEnd: bigint("range_end", { mode: "number" }).notNull(),
    /** Exclusive upper bound of the window being read; equals range_start once every window is done. */
    windowEnd: bigint("window_end", { mode: "number" }).notNull(),
    /** Dialpad's cursor for the next page of the current window; null = its first page. */
    cursor: text("cursor"),
    windowsTotal: integer("windows_total").notNull(),
    windowsDone: integer("windows_done").notNull().default(0),
    pages: integer("pages").notNull().default(0),
    callsSeen: integer("calls_seen").notNull().default(0),
    callsAdded: integer("calls_added").notNull().default(0),
    callsUpdated: integer("calls_updated").notNull().default(0),
    quarantined: integer("quarantined").notNull().default(0),
    /** Times the run failed (the failure that stopped it, once per attempt); retries that succeeded are not failures. */
    errorCount: integer("error_count").notNull().default(0),
    /** Requests sent to Dialpad, and those among them that were repeats of a failed one (a 503 retried, a lost cursor). */
    requestCount: integer("request_count").notNull().default(0),
    retryCount: integer("retry_count").notNull().default(0),
    /** Milliseconds processes spent working on the run: with request_count, the share of Dialpad's limit it used. */
    busyMs: bigint("busy_ms", { mode: "number" }).notNull().default(0),
    /** Why the run failed and what to do next; shown to admins. */
    errorMessage: text("error_message"),
    /** A failed run the scheduler resumes by itself (transient Dialpad or network trouble). */
    isRetryable: boolean("is_retryable").notNull().default(false),
    leaseOwner: text("lease_owner"),
    leaseUntil: bigint("lease_until", { mode: "number" }),
    /** When the current process took the run, and calls_seen then: the live rate covers this stretch only. */
    activeSince: bigint("active_since", { mode: "number" }).notNull(),
    callsSeenAtActive: integer("calls_seen_at_active").notNull().default(0),
    startedAt: bigint("started_at", { mode: "number" }).notNull(),
    finishedAt: bigint("finished_at", { mode: "number" }),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "sync_runs_pkey", columns: [t.organizationId, t.id] }),
    // The lock: at most one running run per organization, whatever process starts it.
    uniqueIndex("sync_runs_one_running_uq").on(t.organizationId).where(sql`status = 'running'`),
    // History table and "latest run of a kind" lookups.
    index("sync_runs_org_started_idx").on(t.organizationId, t.startedAt),
  ],
);

// Verified webhook events, written before the 200 and processed after it (and by the sweeper).
export const webhookInbox = pgTable(
  "webhook_inbox",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** webhookEventKey(payload): a duplicate or replayed delivery hits this key and changes nothing. */
    eventKey: text("event_key").notNull(),
    /** The verified JWT claims (the event JSON). */
    payload: text("payload").notNull(),
    receivedAt: bigint("received_at", { mode: "number" }).notNull(),
    processedAt: bigint("processed_at", { mode: "number" }),
  },
  (t) => [
    primaryKey({ name: "webhook_inbox_pkey", columns: [t.organizationId, t.id] }),
    uniqueIndex("webhook_inbox_org_event_uq").on(t.organizationId, t.eventKey),
    // The sweeper's scan for unprocessed events.
    index("webhook_inbox_unprocessed_idx").on(t.organizationId, t.id).where(sql`processed_at IS NULL`),
    // Retention: processed events older than a week are deleted.
    index("webhook_inbox_processed_idx").on(t.processedAt),
  ],
);

// Records that failed validation, kept with their raw payload instead of crashing the run.
export const quarantinedRecords = pgTable(
  "quarantined_records",
  {
    id: integer("id").generatedByDefaultAsIdentity(),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    source: text("source", { enum: syncRecordSources }).notNull(),
    syncRunId: integer("sync_run_id"),
    /** The call_id when it could be read at all. */
    dialpadCallId: text("dialpad_call_id"),
    /** sha256 of raw: the trailing window re-reads the same bad record every few minutes. */
    rawHash: text("raw_hash").notNull(),
    raw: text("raw").notNull(),
    /** JSON array of "path: message" lines. */
    issues: text("issues").notNull(),
    firstSeenAt: bigint("first_seen_at", { mode: "number" }).notNull(),
    lastSeenAt: bigint("last_seen_at", { mode: "number" }).notNull(),
    timesSeen: integer("times_seen").notNull().default(1),
  },
  (t) => [
    primaryKey({ name: "quarantined_records_pkey", columns: [t.organizationId, t.id] }),
    // The migration says ON DELETE SET NULL ("sync_run_id"): a plain SET NULL would null organization_id too.
    foreignKey({ name: "quarantined_records_sync_run_fk", columns: [t.organizationId, t.syncRunId], foreignColumns: [syncRuns.organizationId, syncRuns.id] }).onDelete("set null"),
    uniqueIndex("quarantined_records_org_hash_uq").on(t.organizationId, t.rawHash),
  ],
);

// Per-organization sync settings, plus the opaque token in the organization's webhook URL.
export const syncSettings = pgTable("sync_settings", {
  organizationId: integer("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  backfillDays: integer("backfill_days").notNull().default(defaultSyncSettings.backfillDays),
  intervalMinutes: integer("interval_minutes").notNull().default(defaultSyncSettings.intervalMinutes),
  trailingWindowHours: integer("trailing_window_hours").notNull().default(defaultSyncSettings.trailingWindowHours),
  /** /api/webhooks/dialpad?org=<token> names the organization; the JWT signature authenticates it. */
  webhookToken: text("webhook_token").unique(),
  /** The last webhook delivery Daymark had to refuse (bad signature or body): webhooks look unhealthy for a day. */
  webhookFailedAt: bigint("webhook_failed_at", { mode: "number" }),
  /** When synced call data was last deleted (disconnect): runs before it no longer count as covering anything. */
  callDataDeletedAt: bigint("call_data_deleted_at", { mode: "number" }),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
});
