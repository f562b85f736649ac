import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { defaultSyncSettings, syncRecordSources, syncRunKinds, syncRunStatuses, syncRunTriggers } from "../enums";
import { organizations } from "./organizations";

// One row per sync run. The checkpoint (window_end + cursor) and the counters are updated in the
// same transaction as the page of calls they cover, so a killed run resumes exactly where it stopped.
// Windows walk back from range_end to range_start, one day at a time: window = [max(range_start, window_end − 1 day), window_end).
export const syncRuns = sqliteTable(
  "sync_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: syncRunKinds }).notNull(),
    trigger: text("trigger", { enum: syncRunTriggers }).notNull(),
    status: text("status", { enum: syncRunStatuses }).notNull(),
    rangeStart: integer("range_start").notNull(),
    rangeEnd: integer("range_end").notNull(),
    /** Exclusive upper bound of the window being read; equals range_start once every window is done. */
    windowEnd: integer("window_end").notNull(),
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
    busyMs: integer("busy_ms").notNull().default(0),
    /** Why the run failed and what to do next; shown to admins. */
    errorMessage: text("error_message"),
    /** A failed run the scheduler resumes by itself (transient Dialpad or network trouble). */
    isRetryable: integer("is_retryable", { mode: "boolean" }).notNull().default(false),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    /** When the current process took the run, and calls_seen then: the live rate covers this stretch only. */
    activeSince: integer("active_since").notNull(),
    callsSeenAtActive: integer("calls_seen_at_active").notNull().default(0),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // The lock: at most one running run per organization, whatever process starts it.
    uniqueIndex("sync_runs_one_running_uq").on(t.organizationId).where(sql`status = 'running'`),
    // History table and "latest run of a kind" lookups.
    index("sync_runs_org_started_idx").on(t.organizationId, t.startedAt),
  ],
);

// Verified webhook events, written before the 200 and processed after it (and by the sweeper).
export const webhookInbox = sqliteTable(
  "webhook_inbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** webhookEventKey(payload): a duplicate or replayed delivery hits this key and changes nothing. */
    eventKey: text("event_key").notNull(),
    /** The verified JWT claims (the event JSON). */
    payload: text("payload").notNull(),
    receivedAt: integer("received_at").notNull(),
    processedAt: integer("processed_at"),
  },
  (t) => [
    uniqueIndex("webhook_inbox_org_event_uq").on(t.organizationId, t.eventKey),
    // The sweeper's scan for unprocessed events.
    index("webhook_inbox_unprocessed_idx").on(t.organizationId, t.id).where(sql`processed_at IS NULL`),
    // Retention: processed events older than a week are deleted.
    index("webhook_inbox_processed_idx").on(t.processedAt),
  ],
);

// Records that failed validation, kept with their raw payload instead of crashing the run.
export const quarantinedRecords = sqliteTable(
  "quarantined_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    source: text("source", { enum: syncRecordSources }).notNull(),
    syncRunId: integer("sync_run_id").references(() => syncRuns.id, { onDelete: "set null" }),
    /** The call_id when it could be read at all. */
    dialpadCallId: text("dialpad_call_id"),
    /** sha256 of raw: the trailing window re-reads the same bad record every few minutes. */
    rawHash: text("raw_hash").notNull(),
    raw: text("raw").notNull(),
    /** JSON array of "path: message" lines. */
    issues: text("issues").notNull(),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    timesSeen: integer("times_seen").notNull().default(1),
  },
  (t) => [uniqueIndex("quarantined_records_org_hash_uq").on(t.organizationId, t.rawHash)],
);

// Per-organization sync settings, plus the opaque token in the organization's webhook URL.
export const syncSettings = sqliteTable("sync_settings", {
  organizationId: integer("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  backfillDays: integer("backfill_days").notNull().default(defaultSyncSettings.backfillDays),
  intervalMinutes: integer("interval_minutes").notNull().default(defaultSyncSettings.intervalMinutes),
  trailingWindowHours: integer("trailing_window_hours").notNull().default(defaultSyncSettings.trailingWindowHours),
  /** /api/webhooks/dialpad?org=<token> names the organization; the JWT signature authenticates it. */
  webhookToken: text("webhook_token").unique(),
  /** The last webhook delivery Daymark had to refuse (bad signature or body): webhooks look unhealthy for a day. */
  webhookFailedAt: integer("webhook_failed_at"),
  /** When synced call data was last deleted (disconnect): runs before it no longer count as covering anything. */
  callDataDeletedAt: integer("call_data_deleted_at"),
  updatedAt: integer("updated_at").notNull(),
});
