CREATE TABLE `dialpad_directory_refreshes` (
	`organization_id` integer PRIMARY KEY NOT NULL,
	`refreshed_at` integer NOT NULL,
	`user_count` integer NOT NULL,
	`rejected_count` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `dialpad_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`dialpad_user_id` text NOT NULL,
	`display_name` text,
	`first_name` text,
	`last_name` text,
	`emails` text NOT NULL,
	`phone_numbers` text NOT NULL,
	`state` text,
	`license` text,
	`is_super_admin` integer DEFAULT false NOT NULL,
	`timezone` text,
	`job_title` text,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dialpad_users_org_user_uq` ON `dialpad_users` (`organization_id`,`dialpad_user_id`);--> statement-breakpoint
CREATE TABLE `employee_dialpad_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`dialpad_user_id` text,
	`method` text NOT NULL,
	`matched_value` text,
	`updated_by_user_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employee_dialpad_links_employee_uq` ON `employee_dialpad_links` (`organization_id`,`employee_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `employee_dialpad_links_user_uq` ON `employee_dialpad_links` (`organization_id`,`dialpad_user_id`);--> statement-breakpoint
CREATE TABLE `mapping_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`from_dialpad_user_id` text,
	`from_method` text,
	`to_dialpad_user_id` text,
	`to_method` text,
	`actor_user_id` integer,
	`actor_name` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `mapping_events_org_employee_idx` ON `mapping_events` (`organization_id`,`employee_id`,`created_at`);