CREATE TABLE `sign_in_attempts` (
	`email` text PRIMARY KEY NOT NULL,
	`failure_count` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_window_idx` ON `sign_in_attempts` (`window_started_at`);