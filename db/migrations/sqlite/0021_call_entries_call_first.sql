DROP INDEX `call_day_entries_call_idx`;--> statement-breakpoint
CREATE INDEX `call_day_entries_call_idx` ON `call_day_entries` (`call_id`,`organization_id`);