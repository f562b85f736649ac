CREATE TABLE `data_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`employee_id` integer NOT NULL,
	`viewer_user_id` integer,
	`viewer_name` text NOT NULL,
	`kind` text NOT NULL,
	`detail` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`viewer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `data_views_org_employee_created_idx` ON `data_views` (`organization_id`,`employee_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `privacy_settings` (
	`organization_id` integer PRIMARY KEY NOT NULL,
	`call_retention_months` integer NOT NULL,
	`score_retention_months` integer NOT NULL,
	`mask_numbers_for` text NOT NULL,
	`link_recordings` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `employees` ADD `hidden_at` integer;--> statement-breakpoint
ALTER TABLE `dialpad_users` ADD `erased_at` integer;