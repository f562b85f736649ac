DROP INDEX `call_day_entries_uq`;--> statement-breakpoint
DROP INDEX `call_day_entries_call_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `call_day_entries_uq` ON `call_day_entries` (`organization_id`,`employee_id`,`day_key`,`call_id`);--> statement-breakpoint
CREATE INDEX `call_day_entries_call_idx` ON `call_day_entries` (`organization_id`,`call_id`);--> statement-breakpoint
DROP INDEX `daily_scores_employee_day_uq`;--> statement-breakpoint
CREATE UNIQUE INDEX `daily_scores_employee_day_uq` ON `daily_scores` (`organization_id`,`employee_id`,`day_key`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_oauth_states` (
	`state_hash` text NOT NULL,
	`organization_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`code_verifier_cipher` text NOT NULL,
	`is_popup` integer DEFAULT false NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `state_hash`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_oauth_states`("state_hash", "organization_id", "user_id", "code_verifier_cipher", "is_popup", "expires_at", "created_at") SELECT "state_hash", "organization_id", "user_id", "code_verifier_cipher", "is_popup", "expires_at", "created_at" FROM `oauth_states`;--> statement-breakpoint
DROP TABLE `oauth_states`;--> statement-breakpoint
ALTER TABLE `__new_oauth_states` RENAME TO `oauth_states`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `oauth_states_expires_idx` ON `oauth_states` (`expires_at`);