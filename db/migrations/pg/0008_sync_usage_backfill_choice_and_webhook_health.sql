ALTER TABLE "oauth_states" ADD COLUMN "backfill_days" integer;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "request_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "retry_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "busy_ms" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_settings" ADD COLUMN "webhook_failed_at" bigint;--> statement-breakpoint
ALTER TABLE "sync_settings" ADD COLUMN "call_data_deleted_at" bigint;--> statement-breakpoint
-- Runs recorded before this migration counted retries as errors: move them to retry_count, keep one error per failed run.
UPDATE "sync_runs" SET "retry_count" = GREATEST(0, "error_count" - (CASE WHEN "status" = 'failed' THEN 1 ELSE 0 END)), "error_count" = CASE WHEN "status" = 'failed' THEN 1 ELSE 0 END;
