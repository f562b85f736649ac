CREATE TABLE `quarantined_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`source` text NOT NULL,
	`sync_run_id` integer,
	`dialpad_call_id` text,
	`raw_hash` text NOT NULL,
	`raw` text NOT NULL,
	`issues` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`times_seen` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sync_run_id`) REFERENCES `sync_runs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarantined_records_org_hash_uq` ON `quarantined_records` (`organization_id`,`raw_hash`);--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`kind` text NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`range_start` integer NOT NULL,
	`range_end` integer NOT NULL,
	`window_end` integer NOT NULL,
	`cursor` text,
	`windows_total` integer NOT NULL,
	`windows_done` integer DEFAULT 0 NOT NULL,
	`pages` integer DEFAULT 0 NOT NULL,
	`calls_seen` integer DEFAULT 0 NOT NULL,
	`calls_added` integer DEFAULT 0 NOT NULL,
	`calls_updated` integer DEFAULT 0 NOT NULL,
	`quarantined` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`error_message` text,
	`is_retryable` integer DEFAULT false NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`active_since` integer NOT NULL,
	`calls_seen_at_active` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_runs_one_running_uq` ON `sync_runs` (`organization_id`) WHERE status = 'running';--> statement-breakpoint
CREATE INDEX `sync_runs_org_started_idx` ON `sync_runs` (`organization_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `sync_settings` (
	`organization_id` integer PRIMARY KEY NOT NULL,
	`backfill_days` integer DEFAULT 30 NOT NULL,
	`interval_minutes` integer DEFAULT 5 NOT NULL,
	`trailing_window_hours` integer DEFAULT 48 NOT NULL,
	`webhook_token` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_settings_webhook_token_unique` ON `sync_settings` (`webhook_token`);--> statement-breakpoint
CREATE TABLE `webhook_inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`event_key` text NOT NULL,
	`payload` text NOT NULL,
	`received_at` integer NOT NULL,
	`processed_at` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_inbox_org_event_uq` ON `webhook_inbox` (`organization_id`,`event_key`);--> statement-breakpoint
CREATE INDEX `webhook_inbox_unprocessed_idx` ON `webhook_inbox` (`organization_id`,`id`) WHERE processed_at IS NULL;--> statement-breakpoint
CREATE INDEX `webhook_inbox_processed_idx` ON `webhook_inbox` (`processed_at`);