ALTER TABLE `score_recompute_queue` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `score_recompute_queue` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `score_recompute_queue` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `score_recompute_queue` ADD `failed_at` integer;--> statement-breakpoint
ALTER TABLE `score_recompute_queue` ADD `batch_id` text;--> statement-breakpoint
ALTER TABLE `score_recompute_queue` ADD `batch_total` integer;--> statement-breakpoint
ALTER TABLE `score_recompute_queue` ADD `batch_unit` text;--> statement-breakpoint
CREATE INDEX `score_recompute_queue_batch_idx` ON `score_recompute_queue` (`organization_id`,`batch_id`) WHERE batch_id IS NOT NULL;