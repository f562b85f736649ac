CREATE TABLE `call_day_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`day_key` text NOT NULL,
	`call_id` integer NOT NULL,
	`kind` text NOT NULL,
	`counted_ms` integer NOT NULL,
	`contribution_ms` integer NOT NULL,
	`is_flagged` integer NOT NULL,
	`is_start_day` integer NOT NULL,
	`counts_as_connected_call` integer NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `call_day_entries_uq` ON `call_day_entries` (`employee_id`,`day_key`,`call_id`);--> statement-breakpoint
CREATE INDEX `call_day_entries_call_idx` ON `call_day_entries` (`call_id`);--> statement-breakpoint
CREATE TABLE `daily_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`day_key` text NOT NULL,
	`role` text NOT NULL,
	`score` integer,
	`no_score_reason` text,
	`talk_ms` integer NOT NULL,
	`connected_calls` integer NOT NULL,
	`voicemails_left` integer NOT NULL,
	`voicemails_received` integer NOT NULL,
	`missed_calls` integer NOT NULL,
	`not_answered_calls` integer NOT NULL,
	`has_activity` integer NOT NULL,
	`breakdown` text NOT NULL,
	`facts_hash` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_scores_employee_day_uq` ON `daily_scores` (`employee_id`,`day_key`);--> statement-breakpoint
CREATE INDEX `daily_scores_org_day_idx` ON `daily_scores` (`organization_id`,`day_key`);--> statement-breakpoint
CREATE INDEX `daily_scores_org_role_day_idx` ON `daily_scores` (`organization_id`,`role`,`day_key`);--> statement-breakpoint
CREATE TABLE `score_recompute_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`kind` text NOT NULL,
	`dialpad_user_id` text,
	`employee_id` integer,
	`role` text,
	`from_ms` integer,
	`to_ms` integer,
	`from_day` text,
	`to_day` text
);
--> statement-breakpoint
CREATE INDEX `score_recompute_queue_org_idx` ON `score_recompute_queue` (`organization_id`,`id`);--> statement-breakpoint
CREATE TABLE `score_settings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`role` text NOT NULL,
	`talk_time_weight` integer NOT NULL,
	`connected_calls_weight` integer NOT NULL,
	`default_talk_time_target_ms` integer NOT NULL,
	`default_connected_calls_target` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_settings_org_role_uq` ON `score_settings` (`organization_id`,`role`);--> statement-breakpoint
-- Hand-written below (drizzle-kit does not model triggers): every change to a call leg queues the
-- span it covers, before and after, in the same transaction as the change, so no writer (sync,
-- webhooks, scripts) can change a call without the scores hearing about it.
CREATE TRIGGER `calls_score_queue_insert` AFTER INSERT ON `calls`
WHEN NEW.`dialpad_user_id` IS NOT NULL
BEGIN
	INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `dialpad_user_id`, `from_ms`, `to_ms`)
	VALUES (NEW.`organization_id`, 'calls', NEW.`dialpad_user_id`,
		min(NEW.`started_at`, coalesce(NEW.`connected_at`, NEW.`started_at`)),
		max(NEW.`started_at`, coalesce(NEW.`ended_at`, NEW.`started_at`)));
END;
--> statement-breakpoint
CREATE TRIGGER `calls_score_queue_update` AFTER UPDATE ON `calls`
BEGIN
	INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `dialpad_user_id`, `from_ms`, `to_ms`)
	SELECT OLD.`organization_id`, 'calls', OLD.`dialpad_user_id`,
		min(OLD.`started_at`, coalesce(OLD.`connected_at`, OLD.`started_at`)),
		max(OLD.`started_at`, coalesce(OLD.`ended_at`, OLD.`started_at`))
	WHERE OLD.`dialpad_user_id` IS NOT NULL AND (
		NEW.`dialpad_user_id` IS NOT OLD.`dialpad_user_id` OR NEW.`started_at` IS NOT OLD.`started_at`
		OR NEW.`connected_at` IS NOT OLD.`connected_at` OR NEW.`ended_at` IS NOT OLD.`ended_at`);
	INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `dialpad_user_id`, `from_ms`, `to_ms`)
	SELECT NEW.`organization_id`, 'calls', NEW.`dialpad_user_id`,
		min(NEW.`started_at`, coalesce(NEW.`connected_at`, NEW.`started_at`)),
		max(NEW.`started_at`, coalesce(NEW.`ended_at`, NEW.`started_at`))
	WHERE NEW.`dialpad_user_id` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `calls_score_queue_delete` AFTER DELETE ON `calls`
WHEN OLD.`dialpad_user_id` IS NOT NULL
BEGIN
	INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `dialpad_user_id`, `from_ms`, `to_ms`)
	VALUES (OLD.`organization_id`, 'calls', OLD.`dialpad_user_id`,
		min(OLD.`started_at`, coalesce(OLD.`connected_at`, OLD.`started_at`)),
		max(OLD.`started_at`, coalesce(OLD.`ended_at`, OLD.`started_at`)));
END;
--> statement-breakpoint
-- Calls stored before this migration: score every mapped employee on the first drain.
INSERT INTO `score_recompute_queue` (`organization_id`, `kind`, `employee_id`)
SELECT `organization_id`, 'employee', `employee_id` FROM `employee_dialpad_links` WHERE `dialpad_user_id` IS NOT NULL;
