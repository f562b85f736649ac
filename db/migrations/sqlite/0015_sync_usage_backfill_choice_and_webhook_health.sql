ALTER TABLE `oauth_states` ADD `backfill_days` integer;--> statement-breakpoint
ALTER TABLE `sync_runs` ADD `request_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_runs` ADD `retry_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_runs` ADD `busy_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sync_settings` ADD `webhook_failed_at` integer;--> statement-breakpoint
ALTER TABLE `sync_settings` ADD `call_data_deleted_at` integer;--> statement-breakpoint
-- Runs recorded before this migration counted retries as errors: move them to retry_count, keep one error per failed run.
UPDATE `sync_runs` SET `retry_count` = MAX(0, `error_count` - (CASE WHEN `status` = 'failed' THEN 1 ELSE 0 END)), `error_count` = CASE WHEN `status` = 'failed' THEN 1 ELSE 0 END;
