PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_call_day_entries` (
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
	FOREIGN KEY (`employee_id`) REFERENCES `employees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_call_day_entries`("id", "organization_id", "employee_id", "day_key", "call_id", "kind", "counted_ms", "contribution_ms", "is_flagged", "is_start_day", "counts_as_connected_call", "reason") SELECT "id", "organization_id", "employee_id", "day_key", "call_id", "kind", "counted_ms", "contribution_ms", "is_flagged", "is_start_day", "counts_as_connected_call", "reason" FROM `call_day_entries`;--> statement-breakpoint
DROP TABLE `call_day_entries`;--> statement-breakpoint
ALTER TABLE `__new_call_day_entries` RENAME TO `call_day_entries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `call_day_entries_uq` ON `call_day_entries` (`organization_id`,`employee_id`,`day_key`,`call_id`);