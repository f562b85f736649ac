CREATE TABLE `dialpad_connections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`status` text NOT NULL,
	`dialpad_company_id` text NOT NULL,
	`company_name` text NOT NULL,
	`company_domain` text NOT NULL,
	`connected_by_user_id` integer,
	`connected_by_name` text NOT NULL,
	`connected_at` integer NOT NULL,
	`access_token_cipher` text,
	`refresh_token_cipher` text,
	`access_token_expires_at` integer,
	`refresh_lease_until` integer,
	`refresh_lease_owner` text,
	`last_refresh_at` integer,
	`last_error_message` text,
	`licensed_user_count` integer DEFAULT 0 NOT NULL,
	`total_user_count` integer DEFAULT 0 NOT NULL,
	`webhook_id` text,
	`subscription_id` text,
	`webhook_secret_cipher` text,
	`last_sync_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`connected_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dialpad_connections_organization_id_unique` ON `dialpad_connections` (`organization_id`);--> statement-breakpoint
CREATE TABLE `oauth_states` (
	`state_hash` text PRIMARY KEY NOT NULL,
	`organization_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`code_verifier_cipher` text NOT NULL,
	`is_popup` integer DEFAULT false NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `oauth_states_expires_idx` ON `oauth_states` (`expires_at`);