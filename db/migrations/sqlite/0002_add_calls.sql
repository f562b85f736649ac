CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`dialpad_call_id` text NOT NULL,
	`dialpad_user_id` text,
	`master_call_id` text,
	`entry_point_call_id` text,
	`operator_call_id` text,
	`direction` text NOT NULL,
	`state` text NOT NULL,
	`started_at` integer NOT NULL,
	`rang_at` integer,
	`connected_at` integer,
	`ended_at` integer,
	`event_timestamp` integer NOT NULL,
	`duration_ms` integer,
	`external_number` text,
	`internal_number` text,
	`contact_name` text,
	`contact_phone` text,
	`contact_type` text,
	`target_type` text,
	`target_name` text,
	`entry_point_target_name` text,
	`is_transferred` integer NOT NULL,
	`was_recorded` integer NOT NULL,
	`has_voicemail` integer NOT NULL,
	`is_internal` integer NOT NULL,
	`labels` text DEFAULT '[]' NOT NULL,
	`raw` text NOT NULL,
	`first_synced_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_org_dialpad_call_uq` ON `calls` (`organization_id`,`dialpad_call_id`);--> statement-breakpoint
CREATE INDEX `calls_org_user_started_idx` ON `calls` (`organization_id`,`dialpad_user_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `calls_org_master_idx` ON `calls` (`organization_id`,`master_call_id`);--> statement-breakpoint
CREATE INDEX `calls_org_entry_point_idx` ON `calls` (`organization_id`,`entry_point_call_id`);--> statement-breakpoint
CREATE INDEX `calls_org_updated_idx` ON `calls` (`organization_id`,`updated_at`);